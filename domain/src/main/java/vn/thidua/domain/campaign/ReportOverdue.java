package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.ReportKind;
import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** A report milestone's due date passed without this registered unit's report. */
@Revision("1")
public record ReportOverdue(String campaignId, String unitId, String milestoneId, ReportKind kind, LocalDate dueDate) implements CampaignEvent {
}

package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.ReportKind;
import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** A unit submitted a report; late when submitted after its milestone's due date (accepted all the same). */
@Revision("1")
public record ReportSubmitted(String campaignId, String unitId, String reportId, ReportKind kind, String milestoneId, LocalDate dueDate, LocalDate submittedOn, boolean late, String summary) implements CampaignEvent {
}

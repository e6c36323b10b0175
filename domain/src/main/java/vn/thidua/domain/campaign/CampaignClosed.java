package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The campaign was closed. */
@Revision("1")
public record CampaignClosed(String campaignId, LocalDate closedOn, String note) implements CampaignEvent {
}

package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The campaign was concluded (tổng kết). */
@Revision("1")
public record CampaignConcluded(String campaignId, LocalDate concludedOn, String summary) implements CampaignEvent {
}

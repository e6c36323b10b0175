package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;
import java.util.List;

/** A campaign was launched by a plan. */
@Revision("1")
public record CampaignLaunched(String campaignId, CampaignPlan plan) {
}

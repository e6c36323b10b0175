package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.CampaignPlan;
import org.axonframework.serialization.Revision;

/** The plan was amended; plan is the whole plan as it now stands. */
@Revision("1")
public record CampaignAmended(String campaignId, String reason, CampaignPlan plan) implements CampaignEvent {
}

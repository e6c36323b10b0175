package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.CampaignPlan;
import org.axonframework.serialization.Revision;

/** A campaign was launched by a plan. */
@Revision("1")
public record CampaignLaunched(String campaignId, CampaignPlan plan) implements CampaignEvent {
}

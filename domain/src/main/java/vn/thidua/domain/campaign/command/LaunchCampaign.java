package vn.thidua.domain.campaign.command;

import vn.thidua.domain.campaign.value.CampaignPlan;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Phát động phong trào thi đua theo một kế hoạch. The id may be chosen by the client (UUID) so a retry is safe. */
public record LaunchCampaign(@TargetAggregateIdentifier String campaignId, CampaignPlan plan) {
}

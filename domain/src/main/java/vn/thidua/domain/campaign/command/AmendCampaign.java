package vn.thidua.domain.campaign.command;

import vn.thidua.domain.campaign.value.CampaignPlan;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Điều chỉnh, bổ sung kế hoạch: the whole amended plan, with the reason. History is kept: the launch stays. */
public record AmendCampaign(@TargetAggregateIdentifier String campaignId, String reason, CampaignPlan plan) {
}

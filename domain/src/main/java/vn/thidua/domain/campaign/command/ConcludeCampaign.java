package vn.thidua.domain.campaign.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tổng kết phong trào: no more registrations or works; award decisions may continue. */
public record ConcludeCampaign(@TargetAggregateIdentifier String campaignId, String summary) {
}

package vn.thidua.domain.campaign.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Khép lại phong trào: nothing more is recorded, except revocations. */
public record CloseCampaign(@TargetAggregateIdentifier String campaignId, String note) {
}

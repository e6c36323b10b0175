package vn.thidua.domain.campaign.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Phân bổ chỉ tiêu for a scheme whose quota was pending; reference names the allocating document. */
public record AllocateQuota(@TargetAggregateIdentifier String campaignId, String schemeId, Integer collectives, Integer individuals, String reference) {
}

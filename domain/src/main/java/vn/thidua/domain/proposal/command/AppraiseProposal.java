package vn.thidua.domain.proposal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Thẩm định hồ sơ: favourable or not, with the appraiser's opinion. */
public record AppraiseProposal(@TargetAggregateIdentifier String proposalId, Boolean favourable, String opinion) {
}

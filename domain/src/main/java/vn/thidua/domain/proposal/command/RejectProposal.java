package vn.thidua.domain.proposal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Không khen thưởng: the proposal ends without an award. */
public record RejectProposal(@TargetAggregateIdentifier String proposalId, String reason) {
}

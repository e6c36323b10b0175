package vn.thidua.domain.proposal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rút hồ sơ đề nghị, by the proposing unit, before a decision. */
public record WithdrawProposal(@TargetAggregateIdentifier String proposalId, String actingUnitId, String reason) {
}

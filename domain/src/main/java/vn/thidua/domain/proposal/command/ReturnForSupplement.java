package vn.thidua.domain.proposal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Trả lại hồ sơ để bổ sung (at most once per proposal). */
public record ReturnForSupplement(@TargetAggregateIdentifier String proposalId, String reason) {
}

package vn.thidua.domain.proposal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng. */
public record RecordCouncilVote(@TargetAggregateIdentifier String proposalId, Integer membersTotal, Integer votesFor, Integer votesAgainst, Integer abstaining) {
}

package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The council voted; approvalRatio = votesFor / membersTotal, judged against threshold. */
@Revision("1")
public record CouncilVoteRecorded(String proposalId, int membersTotal, int votesFor, int votesAgainst, int abstaining, BigDecimal approvalRatio, String threshold, boolean approved, LocalDate votedOn) implements ProposalEvent {
}

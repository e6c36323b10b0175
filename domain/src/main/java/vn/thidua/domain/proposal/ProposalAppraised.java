package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The proposal was appraised. */
@Revision("1")
public record ProposalAppraised(String proposalId, boolean favourable, String opinion, LocalDate appraisedOn) implements ProposalEvent {
}

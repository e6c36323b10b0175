package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The proposal was returned to its unit for supplement. */
@Revision("1")
public record ProposalReturnedForSupplement(String proposalId, String reason, LocalDate returnedOn) implements ProposalEvent {
}

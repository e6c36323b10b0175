package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The proposing unit withdrew the proposal. */
@Revision("1")
public record ProposalWithdrawn(String proposalId, String campaignId, String reason, LocalDate withdrawnOn) implements ProposalEvent {
}

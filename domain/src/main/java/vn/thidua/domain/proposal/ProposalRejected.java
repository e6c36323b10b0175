package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The proposal was rejected. */
@Revision("1")
public record ProposalRejected(String proposalId, String campaignId, String reason, LocalDate rejectedOn) implements ProposalEvent {
}

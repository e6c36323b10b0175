package vn.thidua.domain.proposal;

import vn.thidua.domain.proposal.value.RevocationGround;
import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The award was revoked on a legal ground. */
@Revision("1")
public record AwardRevoked(String proposalId, String campaignId, String schemeId, RevocationGround ground, String decisionNumber, LocalDate decisionDate, String explanation) implements ProposalEvent {
}

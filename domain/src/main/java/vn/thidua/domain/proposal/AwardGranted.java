package vn.thidua.domain.proposal;

import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import org.axonframework.serialization.Revision;

/** An award was granted by a decision (a legal act: never edited, only revoked). */
@Revision("1")
public record AwardGranted(String proposalId, String campaignId, String schemeId, Nominee nominee, int achievementYear, AwardDecision decision) implements ProposalEvent {
}

package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;

/** An award was granted by a decision (a legal act: never edited, only revoked). */
@Revision("1")
public record AwardGranted(String proposalId, String campaignId, String schemeId, Nominee nominee, int achievementYear, AwardDecision decision) {
}

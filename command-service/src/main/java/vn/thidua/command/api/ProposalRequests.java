package vn.thidua.command.api;

import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.RevocationGround;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the proposal endpoints. */
public final class ProposalRequests {

    private ProposalRequests() {
    }

    public record Submit(String id, String campaignId, String proposingUnitId, Nominee nominee, String schemeId,
                         String achievementSummary, Integer achievementYear, List<DossierDocument> documents) {
    }

    public record Reason(String reason) {
    }

    public record Supplement(List<DossierDocument> documents, String note) {
    }

    public record Appraise(Boolean favourable, String opinion) {
    }

    public record Vote(Integer membersTotal, Integer votesFor, Integer votesAgainst, Integer abstaining) {
    }

    public record Grant(String decisionNumber, LocalDate decisionDate, String signerName, String signerTitle) {
    }

    public record Revoke(RevocationGround ground, String decisionNumber, LocalDate decisionDate,
                         String explanation) {
    }
}

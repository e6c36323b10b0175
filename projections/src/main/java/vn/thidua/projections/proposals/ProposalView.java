package vn.thidua.projections.proposals;

import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.CouncilVoteRecorded;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.domain.proposal.value.RevocationGround;
import vn.thidua.projections.Internal;
import vn.thidua.projections.SearchText;
import vn.thidua.projections.VersionedView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code proposals}: an award proposal's whole lifecycle, dossier, vote and decision included. */
public class ProposalView extends VersionedView {

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String STATUS = "status";
    public static final String PROPOSING_UNIT_ID = "proposingUnitId";
    public static final String SUBMITTED_AT = "submittedAt";

    /** {@link vn.thidua.projections.KeyIndex} keys (besides the campaign's): in a status, made by a unit. */
    public static String campaignStatusKey(String campaignId, String status) {
        return "campaign-status:" + campaignId + "/" + status;
    }

    /**
     * The key of the proposals waiting in {@code status} (an undecided one), in every campaign ({@code campaignId}
     * null) or in one; each entry carries the date the proposal reached that step.
     */
    public static String waitingKey(String campaignId, ProposalStatus status) {
        return campaignId == null ? "waiting:" + status.name() : "campaign-waiting:" + campaignId + "/" + status.name();
    }

    /** A waiting proposal's value under the waiting keys: the date it reached its step, a space, its campaign. */
    public static String waitingValue(LocalDate since, String campaignId) {
        return since + " " + campaignId;
    }

    /** The date in a {@link #waitingValue}. */
    public static LocalDate waitingSince(String value) {
        int space = value.indexOf(' ');
        return LocalDate.parse(space < 0 ? value : value.substring(0, space));
    }

    /** The campaign in a {@link #waitingValue}. */
    public static String waitingCampaign(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? null : value.substring(space + 1);
    }

    /** The date the proposal reached its current step (its last step's date). */
    public LocalDate since() {
        return history.isEmpty() ? null : history.get(history.size() - 1).on();
    }

    public static String campaignUnitKey(String campaignId, String unitId) {
        return "campaign-unit:" + campaignId + "/" + unitId;
    }

    public String campaignId;
    public String campaignTitle;
    public String proposingUnitId;
    public Nominee nominee;
    public String schemeId;
    public SchemeTerms terms;
    public String achievementSummary;
    public int achievementYear;
    public ProposalStatus status;
    public String statusLabel;
    public LocalDate submittedOn;
    public Instant submittedAt;
    /** The dossier as it stands: as submitted, or as last supplemented. */
    public List<DossierDocument> documents = new ArrayList<>();
    public List<Step> history = new ArrayList<>();
    public Appraisal appraisal;
    public Vote vote;
    public AwardDecision decision;
    public Closing rejection;
    public Closing withdrawal;
    public Revocation revocation;
    @Internal
    public String search;

    // ------------------------------------------------------------------ what happened to the proposal

    public void submitted(ProposalSubmitted e, String campaignTitle, Instant at) {
        campaignId = e.campaignId();
        this.campaignTitle = campaignTitle;
        proposingUnitId = e.proposingUnitId();
        nominee = e.nominee();
        schemeId = e.schemeId();
        terms = e.terms();
        achievementSummary = e.achievementSummary();
        achievementYear = e.achievementYear();
        submittedOn = e.submittedOn();
        submittedAt = at;
        documents = e.documents();
        search = SearchText.of(e.nominee().name(), e.nominee().nomineeId());
        moveTo(ProposalStatus.SUBMITTED, e.submittedOn(), null);
    }

    public void returnedForSupplement(String reason, LocalDate on) {
        moveTo(ProposalStatus.RETURNED, on, reason);
    }

    public void supplemented(List<DossierDocument> dossier, String note, LocalDate on) {
        documents = dossier;
        moveTo(ProposalStatus.SUPPLEMENTED, on, note);
    }

    public void appraised(boolean favourable, String opinion, LocalDate on) {
        appraisal = new Appraisal(favourable, opinion, on);
        moveTo(ProposalStatus.APPRAISED, on, opinion);
    }

    public void voted(CouncilVoteRecorded e) {
        vote = new Vote(e.membersTotal(), e.votesFor(), e.votesAgainst(), e.abstaining(), e.approvalRatio(),
                e.threshold(), e.approved(), e.votedOn());
        moveTo(ProposalStatus.VOTED, e.votedOn(), e.approved() ? "đạt" : "không đạt");
    }

    public void awarded(AwardDecision awardDecision) {
        decision = awardDecision;
        moveTo(ProposalStatus.AWARDED, awardDecision.date(), awardDecision.number());
    }

    public void rejected(String reason, LocalDate on) {
        rejection = new Closing(reason, on);
        moveTo(ProposalStatus.REJECTED, on, reason);
    }

    public void withdrawn(String reason, LocalDate on) {
        withdrawal = new Closing(reason, on);
        moveTo(ProposalStatus.WITHDRAWN, on, reason);
    }

    public void revoked(Revocation awardRevocation) {
        revocation = awardRevocation;
        moveTo(ProposalStatus.REVOKED, awardRevocation.decisionDate(), awardRevocation.ground().name());
    }

    private void moveTo(ProposalStatus to, LocalDate on, String remark) {
        status = to;
        statusLabel = to.label();
        history.add(new Step(to, on, remark));
    }

    /** One line of the lifecycle: what happened, on which date, with what remark. */
    public record Step(ProposalStatus status, LocalDate on, String remark) {
    }

    public record Appraisal(boolean favourable, String opinion, LocalDate appraisedOn) {
    }

    public record Vote(int membersTotal, int votesFor, int votesAgainst, int abstaining, BigDecimal approvalRatio,
                       String threshold, boolean approved, LocalDate votedOn) {
    }

    public record Closing(String reason, LocalDate on) {
    }

    public record Revocation(RevocationGround ground, String decisionNumber, LocalDate decisionDate,
                             String explanation) {
    }

    public static Revocation revocation(AwardRevoked e) {
        return new Revocation(e.ground(), e.decisionNumber(), e.decisionDate(), e.explanation());
    }
}

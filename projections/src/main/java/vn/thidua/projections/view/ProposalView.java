package vn.thidua.projections.view;

import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.domain.proposal.value.RevocationGround;
import vn.thidua.projections.View;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code proposals}: an award proposal's whole lifecycle, dossier, vote and decision included. */
public class ProposalView extends View {

    /** Sequence number of the proposal's last event applied. */
    public long version = -1;
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
    public String search;

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
}

package vn.thidua.domain.proposal.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.CouncilVoteRecorded;
import vn.thidua.domain.proposal.ProposalAppraised;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.proposal.ProposalReturnedForSupplement;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.ProposalSupplemented;
import vn.thidua.domain.proposal.ProposalWithdrawn;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.ProposalStatus;

import java.time.LocalDate;

/**
 * What an {@link AwardProposal} knows, and how each of its events changes that: the state half of the aggregate, kept
 * apart from its decisions. Nothing here refuses anything: an event is a fact, applied as it is.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
abstract class AwardProposalState {

    @AggregateIdentifier
    String proposalId;
    String campaignId;
    String proposingUnitId;
    String schemeId;
    Nominee nominee;
    int achievementYear;
    SchemeTerms terms;
    ProposalStatus status;
    boolean returnedOnce;
    boolean appraisedFavourably;
    boolean approvedByCouncil;
    String voteRatio;
    LocalDate submittedOn;
    LocalDate awardedOn;

    // ------------------------------------------------------------------ state from events

    @EventSourcingHandler
    void on(ProposalSubmitted event) {
        proposalId = event.proposalId();
        campaignId = event.campaignId();
        proposingUnitId = event.proposingUnitId();
        schemeId = event.schemeId();
        nominee = event.nominee();
        achievementYear = event.achievementYear();
        terms = event.terms();
        submittedOn = event.submittedOn();
        status = ProposalStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ProposalReturnedForSupplement event) {
        returnedOnce = true;
        status = ProposalStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(ProposalSupplemented event) {
        status = ProposalStatus.SUPPLEMENTED;
    }

    @EventSourcingHandler
    void on(ProposalAppraised event) {
        appraisedFavourably = event.favourable();
        status = ProposalStatus.APPRAISED;
    }

    @EventSourcingHandler
    void on(CouncilVoteRecorded event) {
        approvedByCouncil = event.approved();
        voteRatio = event.approvalRatio().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        status = ProposalStatus.VOTED;
    }

    @EventSourcingHandler
    void on(AwardGranted event) {
        awardedOn = event.decision().date();
        status = ProposalStatus.AWARDED;
    }

    @EventSourcingHandler
    void on(ProposalRejected event) {
        status = ProposalStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ProposalWithdrawn event) {
        status = ProposalStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(AwardRevoked event) {
        status = ProposalStatus.REVOKED;
    }
}

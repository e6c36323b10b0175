package vn.thidua.domain.proposal.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.value.ApprovalThreshold;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.common.Bounds;
import vn.thidua.domain.common.Check;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.Refusal.Act;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.CouncilVoteRecorded;
import vn.thidua.domain.proposal.ProposalAppraised;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.proposal.ProposalReturnedForSupplement;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.ProposalSupplemented;
import vn.thidua.domain.proposal.ProposalWithdrawn;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.RejectProposal;
import vn.thidua.domain.proposal.command.ReturnForSupplement;
import vn.thidua.domain.proposal.command.RevokeAward;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.command.SupplementProposal;
import vn.thidua.domain.proposal.command.WithdrawProposal;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.ProposalOutcome;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.domain.proposal.value.RevocationGround;

import java.time.LocalDate;
import java.util.List;

/**
 * Đề nghị khen thưởng: submitted with a dossier → [returned for supplement, at most once → supplemented] →
 * appraised → council vote → awarded (consumes quota) or rejected; withdrawn by its unit before a decision;
 * an award may later be revoked (releases quota). Every rule of the proposal's lifecycle is in this class;
 * what the campaign must check or count goes through the {@link CampaignDesk}.
 */
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class AwardProposal extends AwardProposalState {

    static final int FIRST_ACHIEVEMENT_YEAR = 1945;

    protected AwardProposal() {
        // for Axon
    }

    @CommandHandler
    public AwardProposal(SubmitProposal command, CampaignDesk campaigns) {
        Bounds.check(command);
        Check.required(command.proposalId(), "proposalId");
        Check.required(command.campaignId(), "campaignId");
        Check.required(command.proposingUnitId(), "proposingUnitId");
        Nominee nominee = Check.required(command.nominee(), "nominee");
        Check.required(nominee.kind(), "nominee.kind");
        Check.required(nominee.name(), "nominee.name");
        Check.required(command.schemeId(), "schemeId");
        Check.required(command.achievementSummary(), "achievementSummary");
        int year = Check.required(command.achievementYear(), "achievementYear");
        LocalDate today = DomainClock.today();
        if (year < FIRST_ACHIEVEMENT_YEAR || year > today.getYear()) {
            throw new DomainRuleException(Refusal.ACHIEVEMENT_YEAR_INVALID, "achievementYear", year);
        }
        List<DossierDocument> documents = checkDocuments(command.documents());
        SchemeTerms admitted = campaigns.admit(command.campaignId(), command.proposalId(), command.proposingUnitId(),
                nominee, command.schemeId(), documents);
        AggregateLifecycle.apply(new ProposalSubmitted(command.proposalId(), command.campaignId(), command.proposingUnitId(), nominee,
                command.schemeId(), admitted, command.achievementSummary(), year, documents, today),
                MetaData.with(ActorMetadata.CAMPAIGN_ID, command.campaignId()));
    }

    @CommandHandler
    public void handle(ReturnForSupplement command) {
        Bounds.check(command);
        if (status != ProposalStatus.SUBMITTED) {
            if (returnedOnce && status.undecided()) {
                throw DomainRuleException.of(Refusal.ALREADY_RETURNED_ONCE);
            }
            throw refusedIn(Act.RETURN_FOR_SUPPLEMENT);
        }
        Check.required(command.reason(), "reason");
        apply(new ProposalReturnedForSupplement(proposalId, command.reason(), DomainClock.today()));
    }

    @CommandHandler
    public void handle(SupplementProposal command) {
        Bounds.check(command);
        requireProposingUnit(command.actingUnitId());
        if (status != ProposalStatus.RETURNED) {
            throw refusedIn(Act.SUPPLEMENT);
        }
        List<DossierDocument> documents = checkDocuments(command.documents());
        List<String> shortfalls = terms.dossierShortfalls(documents);
        if (!shortfalls.isEmpty()) {
            throw new DomainRuleException(Refusal.DOSSIER_INCOMPLETE, "documents", terms.level(),
                    String.join("; ", shortfalls));
        }
        apply(new ProposalSupplemented(proposalId, documents, command.note(), DomainClock.today()));
    }

    @CommandHandler
    public void handle(AppraiseProposal command) {
        Bounds.check(command);
        if (status != ProposalStatus.SUBMITTED && status != ProposalStatus.SUPPLEMENTED) {
            throw refusedIn(Act.APPRAISE);
        }
        boolean favourable = Check.required(command.favourable(), "favourable");
        Check.required(command.opinion(), "opinion");
        apply(new ProposalAppraised(proposalId, favourable, command.opinion(), DomainClock.today()));
    }

    @CommandHandler
    public void handle(RecordCouncilVote command) {
        Bounds.check(command);
        if (status != ProposalStatus.APPRAISED) {
            throw refusedIn(Act.PUT_TO_VOTE);
        }
        if (!appraisedFavourably) {
            throw DomainRuleException.of(Refusal.APPRAISAL_UNFAVOURABLE);
        }
        int total = Bounds.number(command.membersTotal(), 1, Limits.COUNCIL_MEMBERS_MAX, "membersTotal");
        int votesFor = Bounds.number(command.votesFor(), 0, total, "votesFor");
        int against = Bounds.number(command.votesAgainst(), 0, total, "votesAgainst");
        int abstaining = Bounds.number(command.abstaining(), 0, total, "abstaining");
        // each count is within the membership, so the sum cannot overflow
        if (votesFor + against + abstaining > total) {
            throw new DomainRuleException(Refusal.VOTE_COUNTS_INVALID, "membersTotal", votesFor, against,
                    abstaining, total);
        }
        ApprovalThreshold threshold = terms.approvalThreshold();
        apply(new CouncilVoteRecorded(proposalId, total, votesFor, against, abstaining,
                ApprovalThreshold.ratioOf(votesFor, total), threshold.describe(),
                threshold.isMetBy(votesFor, total), DomainClock.today()));
    }

    @CommandHandler
    public void handle(GrantAward command, CampaignDesk campaigns) {
        Bounds.check(command);
        if (status != ProposalStatus.VOTED) {
            throw refusedIn(Act.GRANT);
        }
        if (!approvedByCouncil) {
            throw DomainRuleException.of(Refusal.NOT_APPROVED_BY_COUNCIL, voteRatio,
                    terms.approvalThreshold().describe());
        }
        Check.required(command.decisionNumber(), "decisionNumber");
        LocalDate date = Check.required(command.decisionDate(), "decisionDate");
        Check.required(command.signerName(), "signerName");
        requireNotFuture(date, "decisionDate", Act.DECISION);
        if (date.isBefore(submittedOn)) {
            throw new DomainRuleException(Refusal.DECISION_BEFORE_SUBMISSION, "decisionDate", date, submittedOn);
        }
        campaigns.consumeQuota(campaignId, proposalId);
        apply(new AwardGranted(proposalId, campaignId, schemeId, nominee, achievementYear, new AwardDecision(command.decisionNumber(), date,
                command.signerName(), command.signerTitle())));
    }

    @CommandHandler
    public void handle(RejectProposal command, CampaignDesk campaigns) {
        Bounds.check(command);
        if (!status.undecided()) {
            throw refusedIn(Act.REJECT);
        }
        // a refusal needs a basis: an unfavourable appraisal, or the council's vote (approved or not, the authority
        // signs or declines); before either, the organizer returns the dossier or the unit withdraws it
        boolean basis = (status == ProposalStatus.APPRAISED && !appraisedFavourably) || status == ProposalStatus.VOTED;
        if (!basis) {
            throw DomainRuleException.of(Refusal.REJECTION_WITHOUT_BASIS, status.label());
        }
        Check.required(command.reason(), "reason");
        campaigns.release(campaignId, proposalId, ProposalOutcome.REJECTED);
        apply(new ProposalRejected(proposalId, campaignId, command.reason(), DomainClock.today()));
    }

    @CommandHandler
    public void handle(WithdrawProposal command, CampaignDesk campaigns) {
        Bounds.check(command);
        requireProposingUnit(command.actingUnitId());
        if (!status.undecided()) {
            throw refusedIn(Act.WITHDRAW);
        }
        Check.required(command.reason(), "reason");
        campaigns.release(campaignId, proposalId, ProposalOutcome.WITHDRAWN);
        apply(new ProposalWithdrawn(proposalId, campaignId, command.reason(), DomainClock.today()));
    }

    @CommandHandler
    public void handle(RevokeAward command, CampaignDesk campaigns) {
        Bounds.check(command);
        if (status != ProposalStatus.AWARDED) {
            throw refusedIn(Act.REVOKE);
        }
        RevocationGround ground = Check.required(command.ground(), "ground");
        Check.required(command.decisionNumber(), "decisionNumber");
        LocalDate date = Check.required(command.decisionDate(), "decisionDate");
        requireNotFuture(date, "decisionDate", Act.REVOCATION_DECISION);
        if (date.isBefore(awardedOn)) {
            throw new DomainRuleException(Refusal.REVOCATION_BEFORE_AWARD, "decisionDate", "decisionDate", awardedOn);
        }
        campaigns.releaseQuota(campaignId, proposalId);
        apply(new AwardRevoked(proposalId, campaignId, schemeId, ground, command.decisionNumber(), date,
                command.explanation()));
    }

    /**
     * Every event of a proposal names its campaign in its metadata: the read models sequence a campaign's events and
     * its proposals' events together (a campaign's counts depend on both).
     */
    private void apply(Object event) {
        AggregateLifecycle.apply(event, MetaData.with(ActorMetadata.CAMPAIGN_ID, campaignId));
    }

    // ------------------------------------------------------------------ guards

    private static List<DossierDocument> checkDocuments(List<DossierDocument> documents) {
        Check.required(documents, "documents");
        for (int i = 0; i < documents.size(); i++) {
            DossierDocument d = Check.required(documents.get(i), "documents[" + i + "]");
            Check.required(d.type(), "documents[" + i + "].type");
            Bounds.number(d.copies(), 1, Limits.COPIES_MAX, "documents[" + i + "].copies");
        }
        return documents;
    }

    private void requireProposingUnit(String actingUnitId) {
        if (actingUnitId != null && !actingUnitId.equals(proposingUnitId)) {
            throw DomainRuleException.of(Refusal.PROPOSAL_NOT_FOUND, proposalId);
        }
    }

    private static void requireNotFuture(LocalDate date, String field, Act what) {
        if (date.isAfter(DomainClock.today())) {
            throw new DomainRuleException(Refusal.DATE_IN_FUTURE, field, what, date);
        }
    }

    private DomainRuleException refusedIn(Act action) {
        return DomainRuleException.of(Refusal.PROPOSAL_STATE, status.label(), action);
    }
}

package vn.thidua.projections.campaigns;

import org.axonframework.messaging.MetaData;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.AwardQuotaReleased;
import vn.thidua.domain.campaign.CampaignAmended;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignConcluded;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.InspectionRecorded;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.campaign.ProposalReleased;
import vn.thidua.domain.campaign.QuotaAllocated;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.CouncilVoteRecorded;
import vn.thidua.domain.proposal.ProposalAppraised;
import vn.thidua.domain.proposal.ProposalEvent;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.proposal.ProposalReturnedForSupplement;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.ProposalSupplemented;
import vn.thidua.domain.proposal.ProposalWithdrawn;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.Projector;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code campaigns}: a campaign's plan, status and counts. Runs first for every event (see
 * {@code ReadModelProjection}), so a unit or proposal read here is as it was before the event.
 */
public final class CampaignsProjector extends Projector<CampaignView> {

    /** Listed all together, by status, by each year of the period and by runs of letters of issuer and text. */
    @Override
    public Set<String> indexKeys(CampaignView c) {
        Set<String> keys = new LinkedHashSet<>(List.of(KeyIndex.ALL,
                CampaignView.statusKey(String.valueOf(c.status))));
        c.years.forEach(year -> keys.add(KeyIndex.yearKey(year)));
        keys.addAll(KeyIndex.trigramKeys(CampaignView.ISSUER_FIELD, c.issuerKey));
        keys.addAll(KeyIndex.trigramKeys(CampaignView.SEARCH_FIELD, c.search));
        return keys;
    }

    /** The folded issuer and search text, which {@code /api/campaigns?issuer=&q=} search. */
    @Override
    public Map<String, String> searchTexts(CampaignView c) {
        Map<String, String> texts = new HashMap<>();
        if (c.issuerKey != null) {
            texts.put(CampaignView.ISSUER_FIELD, c.issuerKey);
        }
        if (c.search != null) {
            texts.put(CampaignView.SEARCH_FIELD, c.search);
        }
        return texts;
    }

    /**
     * The campaign's figures under the statistics keys (every campaign, and each year its period touches) and its
     * awards under the key of each achievement year they count: what the dashboards across campaigns add up, from
     * the index alone ({@link CampaignFigures}).
     */
    @Override
    public Map<String, String> coveredValues(CampaignView c) {
        return CampaignFigures.coveredValues(c);
    }

    /**
     * Latest issue date first: the stored date (ISO-8601 text) with each digit d written 9 - d; a campaign without
     * one last, as the store sorts a missing value in a descending order.
     */
    @Override
    public String indexOrder(CampaignView c) {
        if (c.plan == null || c.plan.issueDate() == null) {
            return "~";
        }
        StringBuilder inverted = new StringBuilder();
        for (char ch : c.plan.issueDate().toString().toCharArray()) {
            inverted.append(Character.isDigit(ch) ? (char) ('9' - ch + '0') : ch);
        }
        return inverted.toString();
    }

    public CampaignsProjector() {
        super(ReadModels.CAMPAIGNS, CampaignView.class, CampaignView::new, CampaignEvent.class);

        creating(CampaignLaunched.class, CampaignLaunched::campaignId,
                (c, e, in) -> c.launched(e.plan(), in.fact().at(), actor(in.metaData())));
        on(CampaignAmended.class, CampaignAmended::campaignId,
                (c, e, in) -> c.amended(e.plan(), in.fact().at(), e.reason()));
        on(QuotaAllocated.class, QuotaAllocated::campaignId,
                (c, e, in) -> c.quotaAllocated(e.schemeId(), e.collectives(), e.individuals(), e.reference()));
        on(ParticipantRegistered.class, ParticipantRegistered::campaignId, (c, e, in) -> c.participantRegistered());
        on(WorkPledged.class, WorkPledged::campaignId, (c, e, in) ->
                c.workPledged(e.late(), in.participant(e.campaignId(), e.unitId()).works.isEmpty()));
        on(InspectionRecorded.class, InspectionRecorded::campaignId, (c, e, in) -> c.inspected(e.rating()));
        on(ReportSubmitted.class, ReportSubmitted::campaignId, (c, e, in) -> {
            ParticipantView unit = in.participant(e.campaignId(), e.unitId());
            c.reportSubmitted(e.kind(), e.milestoneId(), e.late(), unit.wouldCatchUpWith(e.milestoneId()),
                    unit.isOverdue(e.milestoneId()), unit.reports.isEmpty());
        });
        on(ReportOverdue.class, ReportOverdue::campaignId, (c, e, in) -> c.reportOverdue(e.milestoneId(),
                in.participant(e.campaignId(), e.unitId()).overdue.isEmpty()));
        on(CampaignConcluded.class, CampaignConcluded::campaignId,
                (c, e, in) -> c.concluded(e.concludedOn(), e.summary()));
        on(CampaignClosed.class, CampaignClosed::campaignId, (c, e, in) -> c.closed(e.closedOn(), e.note()));
        // admission and release are the campaign's side of a proposal: only its version moves
        on(ProposalAdmitted.class, ProposalAdmitted::campaignId, (c, e, in) -> {
        });
        on(ProposalReleased.class, ProposalReleased::campaignId, (c, e, in) -> {
        });
        on(AwardQuotaConsumed.class, AwardQuotaConsumed::campaignId,
                (c, e, in) -> c.quotaUsed(e.schemeId(), e.bucket(), e.limit(), e.used()));
        on(AwardQuotaReleased.class, AwardQuotaReleased::campaignId,
                (c, e, in) -> c.quotaUsed(e.schemeId(), e.bucket(), e.limit(), e.used()));

        on(ProposalSubmitted.class, ProposalSubmitted::campaignId, (c, e, in) -> c.proposalSubmitted());
        proposalMoves(ProposalReturnedForSupplement.class, ProposalStatus.RETURNED);
        proposalMoves(ProposalSupplemented.class, ProposalStatus.SUPPLEMENTED);
        proposalMoves(ProposalAppraised.class, ProposalStatus.APPRAISED);
        proposalMoves(CouncilVoteRecorded.class, ProposalStatus.VOTED);
        proposalMoves(AwardGranted.class, ProposalStatus.AWARDED, (c, e, p) ->
                c.awardGranted(e.schemeId(), p.terms.form(), p.terms.level(), e.achievementYear()));
        proposalMoves(ProposalRejected.class, ProposalStatus.REJECTED);
        proposalMoves(ProposalWithdrawn.class, ProposalStatus.WITHDRAWN);
        proposalMoves(AwardRevoked.class, ProposalStatus.REVOKED, (c, e, p) ->
                c.awardRevoked(e.schemeId(), p.terms.form(), p.terms.level(), p.achievementYear));
    }

    private <E extends ProposalEvent> void proposalMoves(Class<E> event, ProposalStatus to) {
        proposalMoves(event, to, (c, e, p) -> {
        });
    }

    /** What else a proposal's event counts in its campaign, given the proposal as it was. */
    @FunctionalInterface
    private interface AlsoCounted<E> {
        void count(CampaignView campaign, E event, ProposalView proposal);
    }

    /** The proposal (as it was) moves to {@code to} in its campaign's count by status, with anything else counted. */
    private <E extends ProposalEvent> void proposalMoves(Class<E> event, ProposalStatus to,
                                                         AlsoCounted<E> alsoCounted) {
        on(event, (e, in) -> in.proposal(e.proposalId()).campaignId, (c, e, in) -> {
            ProposalView proposal = in.proposal(e.proposalId());
            alsoCounted.count(c, e, proposal);
            c.proposalMoved(proposal.status, to);
        });
    }

    private static String actor(MetaData metaData) {
        return (String) metaData.get(ActorMetadata.ACTOR_ID);
    }
}

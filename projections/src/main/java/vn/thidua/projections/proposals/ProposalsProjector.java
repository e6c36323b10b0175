package vn.thidua.projections.proposals;

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
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.Projector;
import vn.thidua.projections.ReadModels;

import java.util.Map;
import java.util.Set;

/** {@code proposals}: an award proposal's whole lifecycle, one step per event of its stream. */
public final class ProposalsProjector extends Projector<ProposalView> {

    /** Listed by campaign, and within it by status and by proposing unit, in the order of submission. */
    @Override
    public Set<String> indexKeys(ProposalView p) {
        return Set.of(KeyIndex.campaignKey(p.campaignId),
                ProposalView.campaignStatusKey(p.campaignId, String.valueOf(p.status)),
                ProposalView.campaignUnitKey(p.campaignId, p.proposingUnitId));
    }

    /**
     * While undecided, listed under its step's waiting keys (every campaign's, and its own) with the date it reached
     * that step and its campaign ({@link ProposalView#waitingValue}): how many wait at each step, and since when, read
     * from the index alone, for any set of campaigns.
     */
    @Override
    public Map<String, String> coveredValues(ProposalView p) {
        if (p.status == null || !p.status.undecided() || p.since() == null) {
            return Map.of();
        }
        String value = ProposalView.waitingValue(p.since(), p.campaignId);
        return Map.of(ProposalView.waitingKey(null, p.status), value,
                ProposalView.waitingKey(p.campaignId, p.status), value);
    }

    /** As stored (ISO-8601 text, which is what the store sorts); none sorts first. */
    @Override
    public String indexOrder(ProposalView p) {
        return p.submittedAt == null ? "" : p.submittedAt.toString();
    }

    public ProposalsProjector() {
        super(ReadModels.PROPOSALS, ProposalView.class, ProposalView::new, ProposalEvent.class);

        creating(ProposalSubmitted.class, ProposalSubmitted::proposalId,
                (p, e, in) -> p.submitted(e, in.campaign(e.campaignId()).title, in.fact().at()));
        on(ProposalReturnedForSupplement.class, ProposalReturnedForSupplement::proposalId,
                (p, e, in) -> p.returnedForSupplement(e.reason(), e.returnedOn()));
        on(ProposalSupplemented.class, ProposalSupplemented::proposalId,
                (p, e, in) -> p.supplemented(e.documents(), e.note(), e.supplementedOn()));
        on(ProposalAppraised.class, ProposalAppraised::proposalId,
                (p, e, in) -> p.appraised(e.favourable(), e.opinion(), e.appraisedOn()));
        on(CouncilVoteRecorded.class, CouncilVoteRecorded::proposalId, (p, e, in) -> p.voted(e));
        on(AwardGranted.class, AwardGranted::proposalId, (p, e, in) -> p.awarded(e.decision()));
        on(ProposalRejected.class, ProposalRejected::proposalId,
                (p, e, in) -> p.rejected(e.reason(), e.rejectedOn()));
        on(ProposalWithdrawn.class, ProposalWithdrawn::proposalId,
                (p, e, in) -> p.withdrawn(e.reason(), e.withdrawnOn()));
        on(AwardRevoked.class, AwardRevoked::proposalId, (p, e, in) -> p.revoked(ProposalView.revocation(e)));
    }
}

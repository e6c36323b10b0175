package vn.thidua.projections.awards;

import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.projections.Projector;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.proposals.ProposalView;

/** {@code awards}: one document per award granted, kept (marked revoked) when the award is revoked. */
public final class AwardsProjector extends Projector<AwardView> {

    public AwardsProjector() {
        super(ReadModels.AWARDS, AwardView.class, AwardView::new, null);

        creating(AwardGranted.class, AwardGranted::proposalId, (a, e, in) ->
                a.granted(e, in.proposal(e.proposalId()), in.campaign(e.campaignId()).title));
        ifPresent(AwardRevoked.class, AwardRevoked::proposalId, (a, e, in) -> a.revoked(ProposalView.revocation(e)));
    }
}

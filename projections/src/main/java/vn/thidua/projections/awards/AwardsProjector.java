package vn.thidua.projections.awards;

import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.Projector;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.proposals.ProposalView;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code awards}: one document per award granted, kept (marked revoked) when the award is revoked. */
public final class AwardsProjector extends Projector<AwardView> {

    /**
     * Listed all together, by campaign, by achievement year, by the number of the decision that granted it (its
     * annex) and by runs of letters of the nominee.
     */
    @Override
    public Set<String> indexKeys(AwardView a) {
        Set<String> keys = new LinkedHashSet<>(List.of(KeyIndex.ALL, KeyIndex.campaignKey(a.campaignId),
                KeyIndex.yearKey(a.achievementYear)));
        if (a.decision != null && a.decision.number() != null) {
            keys.add(AwardView.decisionKey(a.decision.number()));
        }
        keys.addAll(KeyIndex.trigramKeys(AwardView.NOMINEE_FIELD, a.nomineeSearch));
        return keys;
    }

    /** The nominee's folded name and id, which {@code /api/awards?nominee=} searches. */
    @Override
    public Map<String, String> searchTexts(AwardView a) {
        return a.nomineeSearch == null ? Map.of() : Map.of(AwardView.NOMINEE_FIELD, a.nomineeSearch);
    }

    /** Latest achievement year first (as 9999 - year, four digits), then by id. */
    @Override
    public String indexOrder(AwardView a) {
        return String.format("%04d", 9999 - a.achievementYear);
    }

    public AwardsProjector() {
        super(ReadModels.AWARDS, AwardView.class, AwardView::new, null);

        creating(AwardGranted.class, AwardGranted::proposalId, (a, e, in) ->
                a.granted(e, in.proposal(e.proposalId()), in.campaign(e.campaignId()).title));
        ifPresent(AwardRevoked.class, AwardRevoked::proposalId, (a, e, in) -> a.revoked(ProposalView.revocation(e)));
    }
}

package vn.thidua.projections.awards;

import vn.thidua.domain.common.Level;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.projections.Internal;
import vn.thidua.projections.SearchText;
import vn.thidua.projections.View;
import vn.thidua.projections.proposals.ProposalView;

/** {@code awards}: the registry of awards granted, by nominee and achievement year, with revocations. */
public class AwardView extends View {

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String NOMINEE_SEARCH = "nomineeSearch";
    public static final String ACHIEVEMENT_YEAR = "achievementYear";

    /** The {@link vn.thidua.projections.KeyIndex} field of the nominee's letters (besides all, campaign, year). */
    public static final String NOMINEE_FIELD = "nominee";

    /** The key of the awards a decision granted, by its number as written ("1456/QĐ-UBND"). */
    public static String decisionKey(String number) {
        return "decision:" + number;
    }

    public String proposalId;
    public String campaignId;
    public String campaignTitle;
    public String schemeId;
    public String form;
    public String grantingAuthority;
    public Level level;
    public Nominee nominee;
    /** Nominee name and id folded for accent-insensitive search. */
    @Internal
    public String nomineeSearch;
    public int achievementYear;
    public AwardDecision decision;
    public AwardStatus status;
    public ProposalView.Revocation revocation;

    /** Granted on {@code proposal}: the form, authority and level are the scheme's terms it was submitted under. */
    public void granted(AwardGranted e, ProposalView proposal, String title) {
        proposalId = e.proposalId();
        campaignId = e.campaignId();
        campaignTitle = title;
        schemeId = e.schemeId();
        form = proposal.terms.form();
        grantingAuthority = proposal.terms.grantingAuthority();
        level = proposal.terms.level();
        nominee = e.nominee();
        nomineeSearch = SearchText.of(e.nominee().name(), e.nominee().nomineeId());
        achievementYear = e.achievementYear();
        decision = e.decision();
        status = AwardStatus.IN_FORCE;
    }

    public void revoked(ProposalView.Revocation awardRevocation) {
        status = AwardStatus.REVOKED;
        revocation = awardRevocation;
    }
}

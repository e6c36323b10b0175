package vn.thidua.projections.view;

import vn.thidua.domain.common.Level;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.projections.View;

/** {@code awards}: the registry of awards granted, by nominee and achievement year, with revocations. */
public class AwardView extends View {

    public String proposalId;
    public String campaignId;
    public String campaignTitle;
    public String schemeId;
    public String form;
    public String grantingAuthority;
    public Level level;
    public Nominee nominee;
    /** Nominee name and id folded for accent-insensitive search. */
    public String nomineeSearch;
    public int achievementYear;
    public AwardDecision decision;
    /** IN_FORCE or REVOKED. */
    public String status;
    public ProposalView.Revocation revocation;

    public static final String IN_FORCE = "IN_FORCE";
    public static final String REVOKED = "REVOKED";
}

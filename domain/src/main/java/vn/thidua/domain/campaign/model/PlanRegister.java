package vn.thidua.domain.campaign.model;

import vn.thidua.domain.campaign.value.CampaignPlan;

/**
 * The register of plans that have launched a campaign: one plan (issuer + document number) launches at most one.
 * Called while the launch is handled, in the same unit of work, so a refused launch registers nothing.
 */
public interface PlanRegister {

    /** Registers the plan to the campaign, or refuses with PLAN_ALREADY_LAUNCHED. */
    void register(CampaignPlan plan, String campaignId);
}

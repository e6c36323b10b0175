package vn.thidua.domain.proposal.model;

import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.ProposalOutcome;

import java.util.List;

/**
 * How an award proposal reaches its campaign while a proposal command is handled, in the same unit of work:
 * the campaign's checks and counts and the proposal's own event are stored together or not at all.
 */
public interface CampaignDesk {

    SchemeTerms admit(String campaignId, String proposalId, String proposingUnitId, Nominee nominee, String schemeId,
                      List<DossierDocument> documents);

    void consumeQuota(String campaignId, String proposalId);

    void releaseQuota(String campaignId, String proposalId);

    void release(String campaignId, String proposalId, ProposalOutcome outcome);
}

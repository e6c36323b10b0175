package vn.thidua.domain.proposal.model;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.thidua.domain.campaign.model.Campaign;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.ProposalOutcome;

import java.util.List;
import java.util.function.Supplier;

/**
 * The desk backed by the Campaign repository: loading the campaign here locks it for the rest of the unit of work,
 * and its new events are appended with the proposal's, so two grants on one scheme can never both pass.
 */
public class RepositoryCampaignDesk implements CampaignDesk {

    private final Supplier<? extends Repository<Campaign>> campaigns;

    /** The repository is looked up on first use: applications build it after the desk. */
    public RepositoryCampaignDesk(Supplier<? extends Repository<Campaign>> campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public SchemeTerms admit(String campaignId, String proposalId, String proposingUnitId, Nominee nominee,
                             String schemeId, List<DossierDocument> documents) {
        return campaign(campaignId).invoke(c -> c.admitProposal(proposalId, proposingUnitId, nominee.kind(),
                nominee.nomineeId(), nominee.key(), nominee.name(), schemeId, documents));
    }

    @Override
    public void consumeQuota(String campaignId, String proposalId) {
        campaign(campaignId).execute(c -> c.consumeQuota(proposalId));
    }

    @Override
    public void releaseQuota(String campaignId, String proposalId) {
        campaign(campaignId).execute(c -> c.releaseQuota(proposalId));
    }

    @Override
    public void release(String campaignId, String proposalId, ProposalOutcome outcome) {
        campaign(campaignId).execute(c -> c.releaseProposal(proposalId, outcome));
    }

    private Aggregate<Campaign> campaign(String campaignId) {
        try {
            return campaigns.get().load(campaignId);
        } catch (AggregateNotFoundException e) {
            throw new DomainRuleException(Refusal.UNKNOWN_CAMPAIGN, "campaignId", campaignId);
        }
    }
}

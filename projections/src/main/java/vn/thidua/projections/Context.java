package vn.thidua.projections;

import org.axonframework.messaging.MetaData;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;

import static vn.thidua.projections.ReadModels.CAMPAIGNS;
import static vn.thidua.projections.ReadModels.PARTICIPANTS;
import static vn.thidua.projections.ReadModels.PROPOSALS;
import static vn.thidua.projections.ReadModels.participantId;

/**
 * What a projector knows while it applies one event: where the event sits ({@link Fact}), its metadata, and the other
 * documents of the batch as they are at this moment (see {@link ReadModelProjection} for which of them have already
 * applied the event).
 */
public final class Context {

    private final DocumentBatch batch;
    private final Fact fact;
    private final MetaData metaData;

    Context(DocumentBatch batch, Fact fact, MetaData metaData) {
        this.batch = batch;
        this.fact = fact;
        this.metaData = metaData;
    }

    public Fact fact() {
        return fact;
    }

    public MetaData metaData() {
        return metaData;
    }

    public CampaignView campaign(String campaignId) {
        return required(CAMPAIGNS, campaignId, CampaignView.class);
    }

    public ParticipantView participant(String campaignId, String unitId) {
        return required(PARTICIPANTS, participantId(campaignId, unitId), ParticipantView.class);
    }

    public ProposalView proposal(String proposalId) {
        return required(PROPOSALS, proposalId, ProposalView.class);
    }

    DocumentBatch batch() {
        return batch;
    }

    /** Events arrive in store order, so a document an event refers to exists; if not, the event is parked. */
    <T extends View> T required(String collection, String id, Class<T> type) {
        T view = batch.find(collection, id, type);
        if (view == null) {
            throw new IllegalStateException(collection + "/" + id + " is missing: events out of order?");
        }
        return view;
    }
}

package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.proposal.ProposalEvent;
import vn.thidua.projections.awards.AwardsProjector;
import vn.thidua.projections.campaigns.CampaignsProjector;
import vn.thidua.projections.participants.ParticipantsProjector;
import vn.thidua.projections.proposals.ProposalsProjector;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The processor {@value ReadModels#READ_MODELS_GROUP}: hands each campaign and proposal event to the read models
 * ({@link #READ_MODELS}), which share one batch of documents.
 * <p>
 * <b>The ordering rule</b>, the one rule that spans documents: every event goes to the read models in the order of
 * {@link #READ_MODELS}, and a batch writes their collections in that same order. A campaign counts what happens to its
 * units and proposals (overdue units, proposals by status), so it is changed first, reading the unit or proposal as it
 * was before the event; and a crash between two collection writes leaves the later documents behind, never ahead,
 * so that redelivery completes them (each document skips what it has applied) without counting anything twice in the
 * campaign. {@code ProjectionsTest.aCrashBetweenTheWritesOfABatchIsRepairedByRedelivery} holds it.
 */
@ProcessingGroup(ReadModels.READ_MODELS_GROUP)
public class ReadModelProjection {

    /** The read models, in the order each event reaches them and each batch writes them. */
    public static final List<Projector<?>> READ_MODELS = List.of(new CampaignsProjector(),
            new ParticipantsProjector(), new ProposalsProjector(), new AwardsProjector());

    /** Collections this projection owns, in the order a batch writes them. */
    public static final List<String> COLLECTIONS = READ_MODELS.stream().map(Projector::collection).toList();

    private final MongoDatabase database;
    private final BatchScope<DocumentBatch> batches;

    public ReadModelProjection(MongoDatabase database, DocumentMapper mapper) {
        this(database, mapper, new ProgressSignal());
    }

    /** @param signal told after each batch has raised its progress marks (readers waiting for a version) */
    public ReadModelProjection(MongoDatabase database, DocumentMapper mapper, ProgressSignal signal) {
        this.database = database;
        this.batches = new BatchScope<>(ReadModels.READ_MODELS_GROUP,
                () -> new DocumentBatch(ReadModels.READ_MODELS_GROUP, database, mapper, READ_MODELS, signal));
    }

    /** The interceptor the processor needs so that each batch of events is one set of bulk writes. */
    public BatchScope<DocumentBatch> batchScope() {
        return batches;
    }

    /**
     * A data folder whose key index has another layout than {@link KeyIndex} writes (before its text keys, for one)
     * cannot answer queries through it: the read models are then rebuilt from the first event (emptied, and the
     * processor's token removed so that it starts from the beginning). Read models that are empty record the current
     * layout. Called before the processors start.
     */
    public boolean rebuildIfIndexOutdated() {
        if (KeyIndex.hasCurrentLayout(database)) {
            return false;
        }
        boolean empty = COLLECTIONS.stream()
                .allMatch(name -> database.getCollection(name).estimatedDocumentCount() == 0);
        if (empty) {
            KeyIndex.recordLayout(database);
            return false;
        }
        reset();
        Projections.forgetTokens(database, ReadModels.READ_MODELS_GROUP);
        return true;
    }

    @ResetHandler
    public void reset() {
        COLLECTIONS.forEach(name -> Projections.recreate(database, name));
        Projections.recreate(database, ReadModels.KEY_INDEX);
        KeyIndex.recordLayout(database);
        database.getCollection(ReadModels.PROGRESS).deleteMany(Filters.regex(View.ID,
                "^" + Pattern.quote(ReadModels.progressMark(ReadModels.READ_MODELS_GROUP, ""))));
    }

    @EventHandler
    void on(CampaignEvent event, EventMessage<?> message) {
        apply(event, message);
    }

    @EventHandler
    void on(ProposalEvent event, EventMessage<?> message) {
        apply(event, message);
    }

    private void apply(Object event, EventMessage<?> message) {
        DocumentBatch batch = batches.current();
        Fact fact = applyTo(batch, event, message);
        batch.reached(String.valueOf(CampaignSequencing.INSTANCE.getSequenceIdentifierFor(message)),
                fact.position());
    }

    /** Hands {@code event} to every read model, in their order, on {@code batch}'s documents. */
    static Fact applyTo(DocumentBatch batch, Object event, EventMessage<?> message) {
        Context in = new Context(batch, Fact.of(message), message.getMetaData());
        for (Projector<?> readModel : READ_MODELS) {
            readModel.apply(event, in);
        }
        return in.fact();
    }
}

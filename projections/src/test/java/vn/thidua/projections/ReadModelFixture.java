package vn.thidua.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.proposal.ProposalEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * "Given these events, this document": events go through the read models ({@link ReadModelProjection#READ_MODELS})
 * exactly as the processor hands them over, one batch per {@link #given} call, into a real mongo-java-server; each
 * event gets the next global position and the next sequence number of its stream.
 */
final class ReadModelFixture implements AutoCloseable {

    static final Instant AT = Instant.parse("2020-06-01T03:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase database;
    private final DocumentMapper mapper = new DocumentMapper();
    private final Map<String, Long> sequences = new HashMap<>();
    private long position = -1;

    ReadModelFixture() {
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("fixture");
    }

    /** Applies the events as one batch, then writes it. */
    ReadModelFixture given(Object... events) {
        DocumentBatch batch = new DocumentBatch(ReadModels.READ_MODELS_GROUP, database, mapper,
                ReadModelProjection.READ_MODELS);
        for (Object event : events) {
            position++;
            applyAt(batch, event, position);
        }
        batch.flush();
        return this;
    }

    /** Delivers an event again at the position it had (a redelivered batch). */
    ReadModelFixture redelivered(Object event, long at) {
        DocumentBatch batch = new DocumentBatch(ReadModels.READ_MODELS_GROUP, database, mapper,
                ReadModelProjection.READ_MODELS);
        applyAt(batch, event, at);
        batch.flush();
        return this;
    }

    private void applyAt(DocumentBatch batch, Object event, long at) {
        String stream = event instanceof CampaignEvent c ? c.campaignId() : ((ProposalEvent) event).proposalId();
        long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
        Context in = new Context(batch, new Fact(at, sequence, AT), MetaData.with(ActorMetadata.ACTOR_ID, "tester"));
        ReadModelProjection.READ_MODELS.forEach(readModel -> readModel.apply(event, in));
    }

    long position() {
        return position;
    }

    <T> T document(String collection, String id, Class<T> type) {
        Document found = database.getCollection(collection).find(Filters.eq("_id", id)).first();
        return found == null ? null : mapper.fromDocument(found, type);
    }

    /** The fixture's database, for tests that write through a read model's parts directly. */
    MongoDatabase database() {
        return database;
    }

    long count(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}

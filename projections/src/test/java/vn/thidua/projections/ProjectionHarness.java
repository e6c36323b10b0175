package vn.thidua.projections;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.testing.DomainHarness;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.projections.audit.AuditProjection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The domain as an application runs it, with both projections on pooled streaming processors of four segments writing to a real
 * mongo-java-server through the MongoDB driver, tokens in the same database.
 */
final class ProjectionHarness implements AutoCloseable {

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client;
    final MongoDatabase database;
    final TokenStore tokens;
    final DomainHarness domain;

    ProjectionHarness(int batchSize) {
        this(batchSize, null);
    }

    /** With {@code listener} (if any) told of every command the projections send to MongoDB. */
    ProjectionHarness(int batchSize, CommandListener listener) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + hostAndPort()));
        if (listener != null) {
            settings.addCommandListener(listener);
        }
        client = MongoClients.create(settings.build());
        database = client.getDatabase("thidua_test");
        DocumentMapper mapper = new DocumentMapper();
        ReadModelProjection readModels = new ReadModelProjection(database, mapper);
        AuditProjection audit = new AuditProjection(database, mapper);
        tokens = Projections.tokenStore(database,
                JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build(), "test-node",
                Projections.DEFAULT_CLAIM_TIMEOUT);
        domain = new DomainHarness(configurer -> {
            configurer.eventProcessing(processing -> {
                Projections.configure(processing, readModels, audit,
                        new Projections.Settings(batchSize, Projections.DEFAULT_SEGMENTS, Duration.ofMillis(500)),
                        database);
                processing.registerTokenStore(c -> tokens);
            });
            configurer.registerEventHandler(c -> readModels).registerEventHandler(c -> audit);
        });
    }

    private String hostAndPort() {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    StreamingEventProcessor processor(String group) {
        return domain.configuration().eventProcessingConfiguration()
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }

    /** Waits until both processors have handled every stored event. */
    void awaitCaughtUp() {
        long head = domain.configuration().eventStore().createHeadToken().position().orElse(-1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!(at(ReadModels.READ_MODELS_GROUP) >= head && at(ReadModels.AUDIT_GROUP) >= head)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("processors did not catch up with position " + head);
            }
            Waiting.sleep(20);
        }
    }

    /** The lowest position of the processor's segments; -1 until it holds all of them. */
    private long at(String group) {
        StreamingEventProcessor p = processor(group);
        if (p.isError()) {
            throw new AssertionError(group + " is in error");
        }
        var status = p.processingStatus();
        if (status.size() < Projections.DEFAULT_SEGMENTS) {
            return -1;
        }
        return status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(pos -> pos.orElse(-1)).min().orElse(-1);
    }

    void stop(String group) {
        processor(group).shutDown();
    }

    void start(String group) {
        processor(group).start();
    }

    /** Puts a stopped processor's tokens (every segment's) back to {@code token}. */
    void rewind(String group, TrackingToken token) {
        for (int segment : tokens.fetchSegments(group)) {
            tokens.storeToken(token, group, segment);
        }
    }

    /** Every read model as its exact bytes. */
    Map<String, List<String>> snapshot() {
        return ReadModelDump.of(database);
    }

    @Override
    public void close() {
        domain.close();
        client.close();
        server.shutdownNow();
    }
}

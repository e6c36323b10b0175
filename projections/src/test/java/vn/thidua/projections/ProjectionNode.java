package vn.thidua.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import vn.thidua.domain.common.EventJson;
import vn.thidua.projections.audit.AuditProjection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One query-side node as the query-service configures it (both projections on pooled streaming processors, a token
 * store with its own node id), reading a shared event store and writing, through its own MongoDB client, a shared
 * database; the processors' threads are this node's own, so that {@link #kill} can stop them dead, as a process
 * killed with SIGKILL stops: no batch finished, nothing released, its connections dropped, claims left to expire.
 */
final class ProjectionNode implements AutoCloseable {

    static final List<String> GROUPS = List.of(ReadModels.READ_MODELS_GROUP, ReadModels.AUDIT_GROUP);

    private final Configuration configuration;
    private final MongoClient client;
    private final List<ScheduledExecutorService> threads = new ArrayList<>();

    ProjectionNode(String nodeId, EventStore shared, String mongoUri, String databaseName,
                   Projections.Settings settings, Duration claimTimeout) {
        client = MongoClients.create(mongoUri);
        MongoDatabase database = client.getDatabase(databaseName);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
        DocumentMapper mapper = new DocumentMapper();
        ReadModelProjection readModels = new ReadModelProjection(database, mapper);
        AuditProjection audit = new AuditProjection(database, mapper);
        // a proxy: the store's lifecycle stays with its owner, not with this node
        EventStore store = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[]{EventStore.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventStore(c -> store);
        configurer.eventProcessing(processing -> {
            Projections.configure(processing, readModels, audit, settings, database);
            processing.registerTokenStore(c -> Projections.tokenStore(database, serializer, nodeId, claimTimeout));
            for (String group : GROUPS) {
                ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
                ScheduledExecutorService workers = Executors.newScheduledThreadPool(4);
                threads.add(coordinator);
                threads.add(workers);
                processing.registerPooledStreamingEventProcessorConfiguration(group,
                        (c, builder) -> builder.coordinatorExecutor(coordinator).workerExecutor(workers));
            }
        });
        configurer.registerEventHandler(c -> readModels).registerEventHandler(c -> audit);
        configuration = configurer.buildConfiguration();
        configuration.start();
    }

    StreamingEventProcessor processor(String group) {
        return configuration.eventProcessingConfiguration().eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The segments this node holds, by processor. */
    Map<String, Integer> claimed() {
        return Map.of(ReadModels.READ_MODELS_GROUP, processor(ReadModels.READ_MODELS_GROUP).processingStatus().size(),
                ReadModels.AUDIT_GROUP, processor(ReadModels.AUDIT_GROUP).processingStatus().size());
    }

    /** The lowest position of the segments this node holds in {@code group}, -1 while it holds none. */
    long position(String group) {
        return processor(group).processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1)).min().orElse(-1);
    }

    /** Stops every thread of the node at once: no batch is finished, no claim released. */
    void kill() {
        threads.forEach(ScheduledExecutorService::shutdownNow);
        client.close();
    }

    @Override
    public void close() {
        configuration.shutdown();
        threads.forEach(ScheduledExecutorService::shutdownNow);
        client.close();
    }
}

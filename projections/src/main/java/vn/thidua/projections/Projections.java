package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the projections run: two tracking processors ({@value ReadModels#READ_MODELS_GROUP} and
 * {@value ReadModels#AUDIT_GROUP}), each one segment (so events arrive in store order, which the handlers rely on),
 * in batches written with one bulk write per collection, tokens in the same MongoDB database as the read models.
 * <p>
 * No transaction manager: the processor must store its token <em>after</em> the batch's writes (with one, Axon
 * stores the token first, and a crash mid-batch would skip events). A failing batch is not skipped either: the error
 * propagates, the processor backs off and retries the same batch, which the idempotent handlers tolerate.
 */
public final class Projections {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    private Projections() {
    }

    public static void configure(EventProcessingConfigurer processing, ReadModelProjection readModels,
                                 AuditProjection audit, int batchSize) {
        register(processing, ReadModels.READ_MODELS_GROUP, batchSize);
        processing.registerHandlerInterceptor(ReadModels.READ_MODELS_GROUP, c -> readModels.batchScope());
        register(processing, ReadModels.AUDIT_GROUP, batchSize);
        processing.registerHandlerInterceptor(ReadModels.AUDIT_GROUP, c -> audit.batchScope());
    }

    private static void register(EventProcessingConfigurer processing, String group, int batchSize) {
        processing.registerTrackingEventProcessor(group, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(batchSize))
                .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE)
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
    }

    /** Axon's MongoDB token store on the read models' own database (collection {@value ReadModels#TOKENS}). */
    public static TokenStore tokenStore(MongoDatabase database, Serializer serializer, String nodeId) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database)
                        .trackingTokensCollectionName(ReadModels.TOKENS).build())
                .serializer(serializer)
                .nodeId(nodeId)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The secondary indexes the query side filters and sorts by, per collection. */
    private static final Map<String, List<String>> INDEXES = Map.of(
            ReadModels.CAMPAIGNS, List.of("status", "years"),
            ReadModels.PARTICIPANTS, List.of("campaignId"),
            ReadModels.PROPOSALS, List.of("campaignId", "proposingUnitId"),
            ReadModels.AWARDS, List.of("achievementYear"),
            ReadModels.AUDIT, List.of("aggregateId", "actorId", "type", "timestamp"));

    /** Creates the indexes the query side filters and sorts by. Idempotent. */
    public static void createIndexes(MongoDatabase database) {
        INDEXES.keySet().forEach(collection -> createIndexes(database, collection));
    }

    /**
     * Empties a collection for a replay: drops it and creates its indexes again. (Far cheaper than deleting every
     * document: a delete updates each index entry one by one.)
     */
    public static void recreate(MongoDatabase database, String collection) {
        database.getCollection(collection).drop();
        createIndexes(database, collection);
    }

    private static void createIndexes(MongoDatabase database, String collection) {
        for (String field : INDEXES.getOrDefault(collection, List.of())) {
            database.getCollection(collection).createIndex(Indexes.ascending(field));
        }
    }
}

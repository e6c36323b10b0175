package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
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

    /** The indexes the query side filters and sorts by. Idempotent. */
    public static void createIndexes(MongoDatabase database) {
        IndexOptions plain = new IndexOptions();
        database.getCollection(ReadModels.CAMPAIGNS).createIndex(Indexes.ascending("status"), plain);
        database.getCollection(ReadModels.CAMPAIGNS).createIndex(Indexes.ascending("years"), plain);
        database.getCollection(ReadModels.PARTICIPANTS).createIndex(Indexes.ascending("campaignId"), plain);
        database.getCollection(ReadModels.PROPOSALS).createIndex(Indexes.ascending("campaignId"), plain);
        database.getCollection(ReadModels.PROPOSALS).createIndex(Indexes.ascending("proposingUnitId"), plain);
        database.getCollection(ReadModels.AWARDS).createIndex(Indexes.ascending("achievementYear"), plain);
        database.getCollection(ReadModels.AUDIT).createIndex(Indexes.ascending("aggregateId"), plain);
        database.getCollection(ReadModels.AUDIT).createIndex(Indexes.ascending("actorId"), plain);
        database.getCollection(ReadModels.AUDIT).createIndex(Indexes.ascending("type"), plain);
        database.getCollection(ReadModels.AUDIT).createIndex(Indexes.ascending("timestamp"), plain);
    }
}

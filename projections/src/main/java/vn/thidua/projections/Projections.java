package vn.thidua.projections;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import vn.thidua.projections.audit.AuditEntry;
import vn.thidua.projections.audit.AuditProjection;
import vn.thidua.projections.awards.AwardView;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How the projections run: two pooled streaming processors ({@value ReadModels#READ_MODELS_GROUP} and
 * {@value ReadModels#AUDIT_GROUP}), each reading the event stream once and handing its events to several segments,
 * in batches written with one bulk write per collection, tokens in the same MongoDB database as the read models.
 * A segment takes the sequences ({@link CampaignSequencing}) whose hash falls in it: a campaign's events and its
 * proposals' events always reach the same segment, in the order of the store, which is all the read models rely on.
 * Several query-service nodes share the segments through the token store: each claims what is free, and the claims
 * of a node that stops renewing them (it died) expire after the token store's claim timeout, when another takes them.
 * <p>
 * No transaction manager: the processor must store its token <em>after</em> the batch's writes (with one, Axon
 * stores the token first, and a crash mid-batch would skip events). A failing batch is not skipped either: the error
 * propagates, the processor backs off and retries the same batch, which the idempotent handlers tolerate.
 */
public final class Projections {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int DEFAULT_SEGMENTS = 4;
    /** How long a node's claim on a segment holds without being renewed: a dead node's segments wait that long. */
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How the processors run: events per batch, segments a new processor starts with (an existing one keeps its
     * own), and how often a node renews its claims and looks for free segments (well under the claim timeout).
     */
    public record Settings(int batchSize, int segments, Duration claimInterval) {

        public static final Settings DEFAULT = new Settings(DEFAULT_BATCH_SIZE, DEFAULT_SEGMENTS,
                DEFAULT_CLAIM_TIMEOUT.dividedBy(4));

        public Settings {
            if (batchSize < 1 || segments < 1 || claimInterval.isNegative() || claimInterval.isZero()) {
                throw new IllegalArgumentException("Invalid processor settings " + batchSize + "/" + segments
                        + "/" + claimInterval);
            }
        }
    }

    private Projections() {
    }

    public static void configure(EventProcessingConfigurer processing, ReadModelProjection readModels,
                                 AuditProjection audit, Settings settings, MongoDatabase database) {
        configure(processing, readModels, audit, settings, database, () -> null, Duration.ofMillis(20));
    }

    /**
     * @param engine the embedded event store's storage engine, which the processors then read directly (every
     *               {@code pollInterval} at the head; {@link NotifyingMessageSource}), or null to read the event
     *               store; asked for when the processors are built (the engine itself needs the configuration)
     */
    public static void configure(EventProcessingConfigurer processing, ReadModelProjection readModels,
                                 AuditProjection audit, Settings settings, MongoDatabase database,
                                 Supplier<EventStorageEngine> engine, Duration pollInterval) {
        register(processing, ReadModels.READ_MODELS_GROUP, settings, database, engine, pollInterval);
        processing.registerHandlerInterceptor(ReadModels.READ_MODELS_GROUP, c -> readModels.batchScope());
        register(processing, ReadModels.AUDIT_GROUP, settings, database, engine, pollInterval);
        processing.registerHandlerInterceptor(ReadModels.AUDIT_GROUP, c -> audit.batchScope());
    }

    /**
     * A processor, and its dead-letter queue in {@value ReadModels#DEAD_LETTERS} beside the read models: an event a
     * handler cannot apply is parked with the rest of its campaign's sequence ({@link CampaignSequencing}) and the
     * processor goes on with every other campaign. The queue is checked per event only for sequences known to be
     * parked (Axon's sequence-identifier cache), and a replay empties it. It stores events with the event store's
     * own serializer, so a payload that no longer deserialises is kept exactly as it was stored, and reads them back
     * through the upcasters in force ({@link UpcastingDeadLetterConverter}), so that a fix by upcaster heals them.
     */
    private static void register(EventProcessingConfigurer processing, String group, Settings settings,
                                 MongoDatabase database, Supplier<EventStorageEngine> engine,
                                 Duration pollInterval) {
        processing.registerPooledStreamingEventProcessor(group,
                        c -> new NotifyingMessageSource(c.eventStore(), engine.get(), 2 * settings.batchSize(),
                                pollInterval), (c, builder) -> builder
                        .initialSegmentCount(settings.segments())
                        .batchSize(settings.batchSize())
                        .tokenClaimInterval(settings.claimInterval().toMillis())
                        .claimExtensionThreshold(settings.claimInterval().toMillis()))
                .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE)
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                .registerSequencingPolicy(group, c -> CampaignSequencing.INSTANCE)
                .registerDeadLetterQueue(group, c -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build()
                                .withDeadLetterCollection(ReadModels.DEAD_LETTERS))
                        .serializer(c.eventSerializer())
                        .clearConverters()
                        .addConverter(new UpcastingDeadLetterConverter(c.upcasterChain()))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .build())
                .registerDeadLetterPolicy(group, c -> (letter, cause) -> Decisions.enqueue(rootCause(cause)))
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker
                        .enableSequenceIdentifierCache()
                        .allowReset(true));
    }

    /** What an administrator needs to read: the innermost cause (e.g. the JSON value that does not parse). */
    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Axon's MongoDB token store on the read models' own database (collection {@value ReadModels#TOKENS}); a claim
     * not renewed for {@code claimTimeout} may be taken by another node.
     */
    public static TokenStore tokenStore(MongoDatabase database, Serializer serializer, String nodeId,
                                        Duration claimTimeout) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database)
                        .trackingTokensCollectionName(ReadModels.TOKENS).build())
                .serializer(serializer)
                .nodeId(nodeId)
                .claimTimeout(claimTimeout)
                .build();
    }

    /** The secondary indexes the query side filters and sorts by, per collection. */
    private static final Map<String, List<String>> INDEXES = Map.of(
            ReadModels.CAMPAIGNS, List.of(CampaignView.STATUS, CampaignView.YEARS),
            ReadModels.PARTICIPANTS, List.of(ParticipantView.CAMPAIGN_ID),
            ReadModels.PROPOSALS, List.of(ProposalView.CAMPAIGN_ID, ProposalView.PROPOSING_UNIT_ID),
            ReadModels.AWARDS, List.of(AwardView.ACHIEVEMENT_YEAR),
            ReadModels.AUDIT, List.of(AuditEntry.AGGREGATE_ID, AuditEntry.ACTOR_ID, AuditEntry.TYPE,
                    AuditEntry.TIMESTAMP));

    /** Creates the indexes the query side filters and sorts by. Idempotent. */
    public static void createIndexes(MongoDatabase database) {
        INDEXES.forEach((collection, fields) -> fields.forEach(field ->
                database.getCollection(collection).createIndex(Indexes.ascending(field))));
    }

    /**
     * Drops the secondary indexes of the read models, for a store that cannot use them: mongo-java-server keeps no
     * entry in a non-unique index, yet at every start it reads the whole collection twice for each one declared
     * (the embedded default's start-up grew with the data because of it). Idempotent.
     */
    public static void dropSecondaryIndexes(MongoDatabase database) {
        for (String collection : INDEXES.keySet()) {
            MongoCollection<Document> c = database.getCollection(collection);
            for (Document index : c.listIndexes()) {
                if (!"_id_".equals(index.getString("name")) && !index.getBoolean("unique", false)) {
                    c.dropIndex(index.getString("name"));
                }
            }
        }
    }

    /**
     * Empties a collection for a replay: drops it and creates the indexes it had again. (Far cheaper than deleting
     * every document: a delete updates each index entry one by one.)
     */
    public static void recreate(MongoDatabase database, String collection) {
        MongoCollection<Document> c = database.getCollection(collection);
        List<Document> indexes = c.listIndexes().into(new ArrayList<>());
        c.drop();
        for (Document index : indexes) {
            if (!"_id_".equals(index.getString("name"))) {
                c.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name"))
                        .unique(index.getBoolean("unique", false)));
            }
        }
    }

    /** The document of an index collection that records the layout the index was built with. */
    public static final String LAYOUT_ID = "layout";

    /** Records that the index in {@code collection} is (being) built with {@code field} = {@code value}. */
    public static void recordLayout(MongoDatabase database, String collection, String field, long value) {
        database.getCollection(collection).replaceOne(Filters.eq("_id", LAYOUT_ID),
                new Document("_id", LAYOUT_ID).append(field, value), new ReplaceOptions().upsert(true));
    }

    /** Whether the index in {@code collection} records {@code field} = {@code value} as its layout. */
    public static boolean hasLayout(MongoDatabase database, String collection, String field, long value) {
        Document layout = database.getCollection(collection).find(Filters.eq("_id", LAYOUT_ID)).first();
        return layout != null && layout.get(field) instanceof Number n && n.longValue() == value;
    }

    /** Removes a processor's tokens, so that it starts from the first event when it starts. */
    public static void forgetTokens(MongoDatabase database, String processor) {
        database.getCollection(ReadModels.TOKENS).deleteMany(Filters.eq("processorName", processor));
    }
}

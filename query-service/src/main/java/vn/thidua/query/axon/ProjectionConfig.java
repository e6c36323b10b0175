package vn.thidua.query.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.DurableReads;
import vn.thidua.projections.ProgressSignal;
import vn.thidua.projections.Projections;
import vn.thidua.projections.ReadModelProjection;
import vn.thidua.projections.audit.AuditProjection;
import vn.thidua.query.QueryProperties;
import vn.thidua.service.h2.H2Disk;

import javax.sql.DataSource;

/**
 * The projections as Axon pooled streaming processors (see {@link Projections}), the read models' database, and the
 * token store in that same database. The MongoClient is Spring Boot's, from {@code spring.data.mongodb.uri}.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfig {

    @Bean
    public MongoDatabase readModelDatabase(MongoClient client, QueryProperties properties) {
        MongoDatabase database = client.getDatabase(properties.database());
        if (properties.secondaryIndexes()) {
            Projections.createIndexes(database);
        } else {
            Projections.dropSecondaryIndexes(database);
        }
        return database;
    }

    /**
     * Embedded default: the command side writes the H2 file from another application context, so this store hears of
     * new events only by polling it; Axon's default pause between empty polls (1 s) was most of the time a command
     * took to become readable. Axon Server pushes events instead. The storage engine is Axon's auto-configured one,
     * built here (with its JPA entities) because Axon's auto-configuration steps back when an event bus is declared.
     * It hands out only events that are on the disk ({@link DurableReads}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    @RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
    static class EmbeddedEventStoreConfig {

        /** Events per query when the read side reads the store (Axon's default, 100, made ten queries a page). */
        static final int QUERY_READ_BATCH = 500;

        @Bean
        public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                     PersistenceExceptionResolver persistenceExceptionResolver,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     org.axonframework.config.Configuration configuration,
                                                     EntityManagerProvider entityManagerProvider,
                                                     TransactionManager transactionManager,
                                                     DataSource dataSource) {
            JpaEventStorageEngine engine = JpaEventStorageEngine.builder()
                    .snapshotSerializer(defaultSerializer)
                    .upcasterChain(configuration.upcasterChain())
                    .persistenceExceptionResolver(persistenceExceptionResolver)
                    .eventSerializer(eventSerializer)
                    .snapshotFilter(configuration.snapshotFilter())
                    .entityManagerProvider(entityManagerProvider)
                    .transactionManager(transactionManager)
                    .batchSize(QUERY_READ_BATCH)
                    .build();
            return new DurableReads(engine, () -> H2Disk.force(dataSource)); // only durable events are read

        }

        @Bean(name = "eventBus")
        public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                             org.axonframework.config.Configuration configuration,
                                             QueryProperties properties) {
            return EmbeddedEventStore.builder()
                    .storageEngine(storageEngine)
                    .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                    .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                    .fetchDelay(properties.pollInterval().toMillis())
                    .build();
        }
    }

    @Bean
    public DocumentMapper documentMapper() {
        return new DocumentMapper();
    }

    @Bean
    public ProgressSignal progressSignal() {
        return new ProgressSignal();
    }

    @Bean
    public ReadModelProjection readModelProjection(MongoDatabase database, DocumentMapper mapper,
                                                   ProgressSignal signal) {
        ReadModelProjection readModels = new ReadModelProjection(database, mapper, signal);
        readModels.rebuildIfIndexOutdated();
        return readModels;
    }

    @Bean
    public AuditProjection auditProjection(MongoDatabase database, DocumentMapper mapper) {
        AuditProjection audit = new AuditProjection(database, mapper);
        audit.rebuildIfUnindexed();
        return audit;
    }

    @Bean
    public TokenStore tokenStore(MongoDatabase database, @Qualifier("serializer") Serializer serializer,
                                 QueryProperties properties) {
        return Projections.tokenStore(database, serializer, properties.nodeId(),
                properties.claimTimeout());
    }

    @Bean
    public ConfigurerModule projectionProcessors(ReadModelProjection readModels, AuditProjection audit,
                                                 QueryProperties properties, MongoDatabase database,
                                                 ObjectProvider<EventStorageEngine> embeddedEngine) {
        // the embedded store's engine is read directly (NotifyingMessageSource); Axon Server's streams as they are
        return configurer -> configurer.eventProcessing(processing -> Projections.configure(processing, readModels,
                audit, properties.processorSettings(), database, embeddedEngine::getIfAvailable,
                properties.pollInterval()));
    }
}

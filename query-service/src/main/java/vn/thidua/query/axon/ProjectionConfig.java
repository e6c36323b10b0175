package vn.thidua.query.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.projections.audit.AuditProjection;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.Projections;
import vn.thidua.projections.ReadModelProjection;
import vn.thidua.query.QueryProperties;

import java.lang.management.ManagementFactory;

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

    @Bean
    public DocumentMapper documentMapper() {
        return new DocumentMapper();
    }

    @Bean
    public ReadModelProjection readModelProjection(MongoDatabase database, DocumentMapper mapper) {
        return new ReadModelProjection(database, mapper);
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
        return Projections.tokenStore(database, serializer, ManagementFactory.getRuntimeMXBean().getName(),
                properties.claimTimeout());
    }

    @Bean
    public ConfigurerModule projectionProcessors(ReadModelProjection readModels, AuditProjection audit,
                                                 QueryProperties properties, MongoDatabase database) {
        return configurer -> configurer.eventProcessing(processing -> Projections.configure(processing, readModels,
                audit, properties.processorSettings(), database));
    }
}

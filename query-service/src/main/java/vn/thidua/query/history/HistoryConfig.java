package vn.thidua.query.history;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.projections.DurableReads;

import javax.sql.DataSource;

/** Where histories read their sequences: the embedded store's table, else Axon Server placed by the audit trail. */
@Configuration(proxyBeanMethods = false)
public class HistoryConfig {

    @Bean
    public SequenceEvents sequenceEvents(EventStore eventStore, ObjectProvider<EventStorageEngine> embeddedEngine,
                                         ObjectProvider<DataSource> dataSource,
                                         @Qualifier("eventSerializer") Serializer eventSerializer,
                                         org.axonframework.config.Configuration axon, MongoDatabase database) {
        if (embeddedEngine.getIfAvailable() instanceof DurableReads durable && dataSource.getIfAvailable() != null) {
            return new TableSequenceEvents(dataSource.getObject(), durable::ensure, eventSerializer,
                    axon.upcasterChain());
        }
        return new AuditOrderedSequenceEvents(eventStore, database);
    }

    @Bean
    public DecisionHistory decisionHistory(SequenceEvents sequences, vn.thidua.projections.DocumentMapper mapper) {
        return new DecisionHistory(sequences, mapper);
    }
}

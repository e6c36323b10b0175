package vn.thidua.projections;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import vn.thidua.domain.common.ActorMetadata;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * {@code audit}: one entry per stored event, keyed by its global position (so a redelivered event replaces its entry
 * with the same bytes): event id, type, aggregate type, id and sequence, timestamp, actor id, role and unit,
 * correlation id, a one-line Vietnamese description and the payload as stored.
 */
@ProcessingGroup(ReadModels.AUDIT_GROUP)
public class AuditProjection {

    private final MongoCollection<Document> audit;
    private final DocumentMapper mapper;
    private final BatchScope<Entries> batches;

    public AuditProjection(MongoDatabase database, DocumentMapper mapper) {
        this.audit = database.getCollection(ReadModels.AUDIT);
        this.mapper = mapper;
        this.batches = new BatchScope<>(ReadModels.AUDIT_GROUP, Entries::new);
    }

    public BatchScope<?> batchScope() {
        return batches;
    }

    @ResetHandler
    public void reset() {
        audit.deleteMany(new Document());
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        Document entry = new Document("_id", fact.position())
                .append("position", fact.position())
                .append("eventId", message.getIdentifier())
                .append("type", message.getPayloadType().getSimpleName());
        if (message instanceof DomainEventMessage<?> domain) {
            entry.append("aggregateType", domain.getType())
                    .append("aggregateId", domain.getAggregateIdentifier())
                    .append("sequence", domain.getSequenceNumber());
        } else {
            entry.append("aggregateType", null).append("aggregateId", null).append("sequence", null);
        }
        MetaData meta = message.getMetaData();
        entry.append("timestamp", Date.from(fact.at()))
                .append("actorId", meta.get(ActorMetadata.ACTOR_ID))
                .append("actorRole", meta.get(ActorMetadata.ACTOR_ROLE))
                .append("actorUnit", meta.get(ActorMetadata.ACTOR_UNIT))
                .append("correlationId", meta.get(ActorMetadata.CORRELATION_ID))
                .append("description", AuditDescriptions.describe(payload))
                .append("payload", mapper.toDocument(payload));
        batches.current().add(entry);
    }

    /** The entries of one batch, written with one unordered bulk write (each entry stands alone). */
    final class Entries implements Batch {

        private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        void add(Document entry) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", entry.get("_id")), entry, UPSERT));
        }

        @Override
        public void flush() {
            if (!writes.isEmpty()) {
                audit.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes.clear();
            }
        }
    }
}

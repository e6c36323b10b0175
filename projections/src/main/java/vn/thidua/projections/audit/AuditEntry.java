package vn.thidua.projections.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.projections.Fact;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * {@code audit}: one entry per stored event, keyed by its global position (the order of the event store): event id,
 * type, aggregate type, id and sequence, timestamp, actor id, role and unit, correlation ids, a one-line Vietnamese
 * description and the payload as stored. Written and read through this type only.
 */
public record AuditEntry(long id, String eventId, String type, String aggregateType, String aggregateId,
                         Long sequence, Instant timestamp, String actorId, String actorRole, String actorUnit,
                         String correlationId, String clientCorrelationId, String description,
                         Map<String, Object> payload) {

    /** Document field names, for queries and indexes. */
    public static final String ID = "_id";
    public static final String AGGREGATE_ID = "aggregateId";
    public static final String ACTOR_ID = "actorId";
    public static final String TYPE = "type";
    public static final String TIMESTAMP = "timestamp";

    /** The entry of one event; {@code payload} is the payload as the read models store it. */
    public static AuditEntry of(EventMessage<?> message, Fact fact, Document payload) {
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        MetaData meta = message.getMetaData();
        return new AuditEntry(fact.position(), message.getIdentifier(), message.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), fact.at(),
                text(meta, ActorMetadata.ACTOR_ID), text(meta, ActorMetadata.ACTOR_ROLE),
                text(meta, ActorMetadata.ACTOR_UNIT), text(meta, ActorMetadata.CORRELATION_ID),
                text(meta, ActorMetadata.CLIENT_CORRELATION_ID), AuditDescriptions.describe(message.getPayload()),
                payload);
    }

    /** A metadata value as text; whatever a foreign client put there cannot stop the audit trail. */
    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    /** The stored form: {@code position} repeats the id, which is what orders and pages the trail. */
    public Document toDocument() {
        return new Document(ID, id)
                .append("position", id)
                .append("eventId", eventId)
                .append(TYPE, type)
                .append("aggregateType", aggregateType)
                .append(AGGREGATE_ID, aggregateId)
                .append("sequence", sequence)
                .append(TIMESTAMP, Date.from(timestamp))
                .append(ACTOR_ID, actorId)
                .append("actorRole", actorRole)
                .append("actorUnit", actorUnit)
                .append("correlationId", correlationId)
                .append("clientCorrelationId", clientCorrelationId)
                .append("description", description)
                .append("payload", payload);
    }

    public static AuditEntry from(Document d) {
        Number sequence = (Number) d.get("sequence");
        return new AuditEntry(((Number) d.get(ID)).longValue(), d.getString("eventId"), d.getString(TYPE),
                d.getString("aggregateType"), d.getString(AGGREGATE_ID),
                sequence == null ? null : sequence.longValue(), d.getDate(TIMESTAMP).toInstant(),
                d.getString(ACTOR_ID), d.getString("actorRole"), d.getString("actorUnit"),
                d.getString("correlationId"), d.getString("clientCorrelationId"), d.getString("description"),
                d.get("payload", Document.class));
    }
}

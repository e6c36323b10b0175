package vn.thidua.query.feed;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import vn.thidua.domain.common.ActorMetadata;

import java.time.Instant;
import java.util.Map;

/**
 * An event as the feed hands it out: its global position (the one cursor of every way in), identity, aggregate,
 * metadata and the stored payload's JSON as it is (never deserialized and written again).
 */
public record StoredEvent(long position, String eventId, String payloadType, String revision, String aggregateType,
                          String aggregateId, long sequence, Instant timestamp, Map<String, ?> metaData,
                          byte[] data) {

    /** Reads a tracked message of the event store; {@code serializer} is the event serializer. */
    public static StoredEvent of(TrackedEventMessage<?> message, Serializer serializer) {
        long position = message.trackingToken().position().orElseThrow(() -> new IllegalStateException(
                "event " + message.getIdentifier() + " came without a position"));
        String aggregateType = null;
        String aggregateId = null;
        long sequence = -1;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        var payload = message.serializePayload(serializer, byte[].class);
        return new StoredEvent(position, message.getIdentifier(), payload.getType().getName(),
                payload.getType().getRevision(), aggregateType, aggregateId, sequence, message.getTimestamp(),
                message.getMetaData(), payload.getData());
    }

    /** The event's simple type name ({@code AwardGranted}), as the audit trail names it. */
    public String name() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /**
     * The campaign the event belongs to: a proposal's events name it in their metadata; a campaign's own events are
     * the campaign's; a plan registration belongs to none.
     */
    public String campaignId() {
        Object campaign = metaData.get(ActorMetadata.CAMPAIGN_ID);
        if (campaign instanceof String id && !id.isEmpty()) {
            return id;
        }
        return "Campaign".equals(aggregateType) ? aggregateId : null;
    }

    public String meta(String key) {
        Object value = metaData.get(key);
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }
}

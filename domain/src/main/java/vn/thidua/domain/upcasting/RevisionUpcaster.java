package vn.thidua.domain.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Objects;

/**
 * Moves one stored event type from one revision to the next, on its JSON: what a schema change of an event needs.
 * A subclass names the type and the two revisions and rewrites the JSON; {@link EventUpcasters#ALL} lists it.
 * Events are stored with their class name and {@code @Revision}, so an upcaster matches exactly one stored form.
 */
public abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    protected RevisionUpcaster(Class<?> eventType, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), Objects.requireNonNull(toRevision));
    }

    /** The event's JSON at the older revision, rewritten in place or replaced, as the newer revision reads it. */
    protected abstract ObjectNode upcast(ObjectNode event);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, json -> upcast((ObjectNode) json.deepCopy()));
    }
}

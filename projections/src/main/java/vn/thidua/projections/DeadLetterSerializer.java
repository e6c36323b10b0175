package vn.thidua.projections;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * How the dead-letter queues read a parked event back: through the upcaster chain first, as an event read from the
 * event store is (see {@link UpcastingDeadLetterConverter}). Tokens and metadata pass through unchanged (no event
 * upcaster matches their types). Used for reading only: a parked event is written with the event store's own
 * serializer, which passes its stored payload through without deserialising it.
 */
final class DeadLetterSerializer implements Serializer {

    private final Serializer events;
    private final EventUpcaster upcasters;

    DeadLetterSerializer(Serializer events, EventUpcaster upcasters) {
        this.events = events;
        this.upcasters = upcasters;
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        S empty = events.serialize(MetaData.emptyInstance(), serialized.getContentType()).getData();
        GenericDomainEventEntry<S> stored = new GenericDomainEventEntry<>(null, null, 0, "dead-letter", Instant.EPOCH,
                serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData(), empty);
        IntermediateEventRepresentation upcast = upcasters.upcast(Stream.of(
                        new InitialEventRepresentation(stored, events)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The upcasters dropped a parked " + serialized.getType()));
        return events.deserialize(upcast.getData());
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return events.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return events.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return events.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return events.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return events.getConverter();
    }
}

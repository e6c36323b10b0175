package vn.thidua.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEventEntry;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterMongoConverter;
import org.axonframework.extensions.mongo.eventhandling.deadletter.EventMessageDeadLetterMongoConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Axon's MongoDB dead-letter converter, reading a parked event through the upcasters in force at the time of a retry.
 * <p>
 * A dead letter keeps its event as it was stored, and Axon's queue deserialises it as is: an upcaster deployed to fix
 * an event that no longer reads (the usual fix) would never reach the parked copy, and every retry would fail. Writing
 * is left to Axon (the stored payload is kept byte for byte).
 */
public final class UpcastingDeadLetterConverter implements DeadLetterMongoConverter<EventMessage<?>> {

    private final EventMessageDeadLetterMongoConverter axon = new EventMessageDeadLetterMongoConverter();
    private final EventUpcaster upcasters;

    public UpcastingDeadLetterConverter(EventUpcaster upcasters) {
        this.upcasters = upcasters;
    }

    @Override
    public DeadLetterEventEntry convert(EventMessage<?> message, Serializer serializer) {
        return axon.convert(message, serializer);
    }

    @Override
    public EventMessage<?> convert(DeadLetterEventEntry entry, Serializer serializer) {
        return axon.convert(entry, new DeadLetterSerializer(serializer, upcasters));
    }

    @Override
    public boolean canConvert(DeadLetterEventEntry entry) {
        return axon.canConvert(entry);
    }

    @Override
    public boolean canConvert(EventMessage<?> message) {
        return axon.canConvert(message);
    }
}

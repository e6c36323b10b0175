package vn.thidua.projections;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;

/**
 * Where a delivered event sits: its global position in the event store (the order every read model follows and the
 * idempotency key), its aggregate's sequence number (the version read-your-writes waits for) and when it was stored.
 */
public record Fact(long position, long sequence, Instant at) {

    public static Fact of(EventMessage<?> message) {
        if (!(message instanceof TrackedEventMessage<?> tracked) || tracked.trackingToken() == null
                || tracked.trackingToken().position().isEmpty()) {
            throw new IllegalStateException("Read models are built by streaming processors only: "
                    + message.getPayloadType().getSimpleName() + " came without a tracking position");
        }
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        return new Fact(tracked.trackingToken().position().getAsLong(), sequence, message.getTimestamp());
    }
}

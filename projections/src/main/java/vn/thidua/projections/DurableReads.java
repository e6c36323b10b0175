package vn.thidua.projections;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The embedded event store as the read side reads it: no event is handed out before it is on the disk.
 * <p>
 * The H2 file makes a commit visible to every reader at once but writes it up to half a second later (its write
 * delay); the command side forces the file before it answers 2xx, not before its commit is visible. A processor (or
 * the integration feed) that read an event in that half second could record its effects, its position and a token
 * past it, and a crash then lose the event, whose position the store may number again: read models recording an
 * event that does not exist, and skipping the one that took its place. So before an event above the last position
 * known to be durable is handed out, the file is forced ({@code force}: {@code H2Disk.force}), which makes
 * every event committed until then durable, and that head becomes the known position. Events read again (a rebuild)
 * cost nothing; new ones cost one forced write per batch read, shared by every reader.
 */
public final class DurableReads implements EventStorageEngine {

    private final EventStorageEngine engine;
    private final Runnable force;
    private final ReentrantLock forcing = new ReentrantLock();
    private volatile long durable = Long.MIN_VALUE;

    /** @param force forces every committed change of the event store to the disk */
    public DurableReads(EventStorageEngine engine, Runnable force) {
        this.engine = engine;
        this.force = force;
    }

    /** Returns once the event at {@code position} (and every one before it) is on the disk. */
    public void ensure(long position) {
        if (position <= durable) {
            return;
        }
        forcing.lock();
        try {
            if (position <= durable) {
                return;
            }
            TrackingToken head = engine.createHeadToken(); // committed before the force: durable after it
            long upTo = Math.max(position, head == null ? position : head.position().orElse(position));
            force.run();
            durable = upTo;
        } finally {
            forcing.unlock();
        }
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return engine.readEvents(trackingToken, mayBlock)
                .peek(event -> event.trackingToken().position().ifPresent(this::ensure));
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engine.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engine.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }
}

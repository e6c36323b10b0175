package vn.thidua.projections;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The event store as the pooled streaming processors read it, with streams that say when events arrive. A pooled
 * processor's coordinator, finding no event, either waits for its stream's call ("events are available") or, for a
 * stream that cannot call (the embedded JPA event store's), looks again only after 500 ms: half a second more before
 * a command is readable. A stream that can call (Axon Server's) is handed over as it is; any other is read ahead by
 * a thread of its own into a bounded queue (at most {@code capacity} events: the reader waits when it is full), which
 * calls as soon as an event is queued.
 */
public final class NotifyingMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final EventStorageEngine engine;
    private final int capacity;
    private final Duration pollInterval;

    /** @param engine the embedded store's storage engine, read directly (see above); null to read {@code store} */
    public NotifyingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> store, EventStorageEngine engine,
                                  int capacity, Duration pollInterval) {
        this.store = store;
        this.engine = engine;
        this.capacity = capacity;
        this.pollInterval = pollInterval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        if (engine != null) {
            return new ReadAhead(new EngineSource(engine, trackingToken, pollInterval), capacity);
        }
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(trackingToken);
        if (stream.setOnAvailableCallback(() -> {
        })) {
            return stream; // it calls by itself; the processor sets its own callback next
        }
        return new ReadAhead(new StreamSource(stream), capacity);
    }

    /** Where a {@link ReadAhead} reads: the next event, or null when none came within the time given. */
    interface Source {
        TrackedEventMessage<?> next(long timeoutMillis) throws InterruptedException;

        void close();
    }

    /** An event store's stream. */
    private record StreamSource(BlockingStream<TrackedEventMessage<?>> stream) implements Source {
        @Override
        public TrackedEventMessage<?> next(long timeoutMillis) throws InterruptedException {
            return stream.hasNextAvailable((int) timeoutMillis, TimeUnit.MILLISECONDS) ? stream.nextAvailable() : null;
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    /**
     * The storage engine, read from the last token handed out: a stream of what is stored now (the engine's gap-aware
     * tokens bring events committed late), and once it is read to its end, another after the poll interval.
     */
    static final class EngineSource implements Source {

        private final EventStorageEngine engine;
        private final Duration pollInterval;
        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> stream;
        private Iterator<? extends TrackedEventMessage<?>> events;

        EngineSource(EventStorageEngine engine, TrackingToken from, Duration pollInterval) {
            this.engine = engine;
            this.last = from;
            this.pollInterval = pollInterval;
        }

        @Override
        public TrackedEventMessage<?> next(long timeoutMillis) throws InterruptedException {
            if (events == null) {
                stream = engine.readEvents(withoutGaps(last), false);
                events = stream.iterator();
            }
            if (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                last = event.trackingToken();
                return event;
            }
            close(); // read to its end: the next call reads what has been stored since
            Thread.sleep(Math.min(timeoutMillis, pollInterval.toMillis()));
            return null;
        }

        /**
         * The token read after, without its gaps. Axon's JPA engine reads a token with gaps as "after the index, or at
         * any gap", which H2 answers by scanning the whole table: at a million events each poll (every 20 ms, each
         * processor) took a core (seen in the benchmark: both read-ahead threads at 80–100% CPU, in
         * {@code ConditionIn} over every row). The embedded store numbers events and commits them in one order
         * ({@code CommitOrderedJpaEventStorageEngine}), so a gap is a rolled-back or skipped number and never fills:
         * there is nothing to look for in it.
         */
        static TrackingToken withoutGaps(TrackingToken token) {
            if (token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
                return GapAwareTrackingToken.newInstance(gapAware.getIndex(), Collections.emptySortedSet());
            }
            return token;
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.close();
            }
            stream = null;
            events = null;
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** A stream read ahead by its own thread; the processor reads the queue. */
    static final class ReadAhead implements BlockingStream<TrackedEventMessage<?>> {

        private final Source source;
        private final BlockingQueue<TrackedEventMessage<?>> queue;
        private final Thread reader;
        private volatile Runnable onAvailable = () -> {
        };
        private volatile RuntimeException failure;
        private volatile boolean closed;

        ReadAhead(Source source, int capacity) {
            this.source = source;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.reader = new Thread(this::readAhead, "event-stream-read-ahead");
            reader.setDaemon(true);
            reader.start();
        }

        private void readAhead() {
            try {
                while (!closed) {
                    TrackedEventMessage<?> event = source.next(100);
                    if (event != null) {
                        boolean wasEmpty = queue.isEmpty();
                        while (!closed && !queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                            // the processor is behind: wait for room
                        }
                        if (wasEmpty) {
                            onAvailable.run();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e; // handed to the processor at its next read, which then reopens the stream
                onAvailable.run();
            } finally {
                source.close();
            }
        }

        private void rethrowFailure() {
            if (failure != null && queue.isEmpty()) {
                throw failure;
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            rethrowFailure();
            return Optional.ofNullable(queue.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (queue.isEmpty()) {
                rethrowFailure();
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                rethrowFailure();
                TrackedEventMessage<?> event = queue.poll(10, TimeUnit.MILLISECONDS);
                if (event != null) {
                    return event;
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
        }
    }
}

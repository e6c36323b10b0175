package vn.thidua.query.feed;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store read by global position, through Axon's own API only: the embedded store's storage engine (a read
 * of what is stored now), or any streamable source, such as Axon Server's event store (whose positions start at 0 and
 * have no gaps). The feed, the live stream and the webhooks all read here.
 */
public interface EventLog {

    /** Up to {@code max} stored events with a position above {@code after}, in position order. */
    List<StoredEvent> readAfter(long after, int max);

    /** Where heads and instants are asked: the event store. */
    StreamableMessageSource<TrackedEventMessage<?>> store();

    /** The position of the newest stored event; {@link #beginning()} when there is none. */
    default long head() {
        TrackingToken head = store().createHeadToken();
        return head == null ? beginning() : head.position().orElse(beginning());
    }

    /** The cursor whose next event is the first stored at or after {@code instant}. */
    default long cursorAt(Instant instant) {
        TrackingToken token = store().createTokenAt(instant);
        return token == null ? beginning() : token.position().orElse(beginning());
    }

    /** The position the store gives its first event: positions below it are not gaps. */
    long firstPosition();

    /** The cursor before every event. */
    default long beginning() {
        return firstPosition() - 1;
    }

    /**
     * The embedded store (Axon's JPA engine): a read runs one query per batch, of what is committed now. Its
     * positions come from a database sequence starting at 1 (Axon's {@code lowestGlobalSequence}).
     */
    final class Engine implements EventLog {

        private final EventStorageEngine engine;
        private final StreamableMessageSource<TrackedEventMessage<?>> store;
        private final Serializer serializer;

        public Engine(EventStorageEngine engine, StreamableMessageSource<TrackedEventMessage<?>> store,
                      Serializer serializer) {
            this.engine = engine;
            this.store = store;
            this.serializer = serializer;
        }

        @Override
        public List<StoredEvent> readAfter(long after, int max) {
            TrackingToken token = after < firstPosition() ? null
                    : GapAwareTrackingToken.newInstance(after, Collections.emptySortedSet());
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
                return events.limit(max).map(e -> StoredEvent.of(e, serializer)).toList();
            }
        }

        @Override
        public StreamableMessageSource<TrackedEventMessage<?>> store() {
            return store;
        }

        @Override
        public long firstPosition() {
            return 1;
        }
    }

    /**
     * Any other store, Axon Server's in the {@code axonserver} profile: a stream opened at the cursor and read while
     * events keep coming within {@code wait} of each other, then closed.
     */
    final class Streamed implements EventLog {

        private final StreamableMessageSource<TrackedEventMessage<?>> store;
        private final Serializer serializer;
        private final long waitMillis;

        public Streamed(StreamableMessageSource<TrackedEventMessage<?>> store, Serializer serializer,
                        long waitMillis) {
            this.store = store;
            this.serializer = serializer;
            this.waitMillis = waitMillis;
        }

        @Override
        public List<StoredEvent> readAfter(long after, int max) {
            List<StoredEvent> read = new ArrayList<>();
            TrackingToken token = after < firstPosition() ? null : new GlobalSequenceTrackingToken(after);
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token)) {
                while (read.size() < max && stream.hasNextAvailable((int) waitMillis, TimeUnit.MILLISECONDS)) {
                    read.add(StoredEvent.of(stream.nextAvailable(), serializer));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return read;
        }

        @Override
        public StreamableMessageSource<TrackedEventMessage<?>> store() {
            return store;
        }

        @Override
        public long firstPosition() {
            return 0;
        }
    }
}

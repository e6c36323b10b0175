package vn.thidua.projections;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' event source on the embedded store's engine: every event in order, those stored after the reader
 * reached the head included, a call when events arrive, and a reader whose queue is full waits for the processor.
 */
class NotifyingMessageSourceTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();

    private void append(int from, int count) {
        for (int i = from; i < from + count; i++) {
            engine.appendEvents(GenericEventMessage.asEventMessage("event-" + i));
        }
    }

    private static List<Object> read(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (payloads.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }

    @Test
    void readsTheEngineToItsHeadAndWhatIsStoredLaterWithinThePollInterval() throws Exception {
        append(0, 30);
        NotifyingMessageSource source = new NotifyingMessageSource(store, engine, 8, Duration.ofMillis(20));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            AtomicInteger calls = new AtomicInteger();
            stream.setOnAvailableCallback(calls::incrementAndGet);
            List<Object> first = read(stream, 30);
            assertThat(first).hasSize(30).first().isEqualTo("event-0");
            assertThat(first).last().isEqualTo("event-29");

            int before = calls.get();
            append(30, 5);
            assertThat(read(stream, 5)).containsExactly("event-30", "event-31", "event-32", "event-33", "event-34");
            assertThat(calls.get()).as("a call when events arrived").isGreaterThan(before);
        }
    }

    @Test
    void theEngineIsReadAfterATokensIndexWithoutItsGaps() throws Exception {
        List<TrackingToken> asked = new CopyOnWriteArrayList<>();
        InMemoryEventStorageEngine recording = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                asked.add(token);
                return Stream.empty();
            }
        };
        NotifyingMessageSource source = new NotifyingMessageSource(store, recording, 8, Duration.ofMillis(20));
        GapAwareTrackingToken withGaps = GapAwareTrackingToken.newInstance(10, List.of(3L, 5L));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(withGaps)) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
        }
        assertThat(asked).as("polled").hasSizeGreaterThan(1).allSatisfy(token -> {
            assertThat(token.position()).hasValue(10L);
            assertThat(((GapAwareTrackingToken) token).getGaps()).isEmpty();
        });
        GlobalSequenceTrackingToken plain = new GlobalSequenceTrackingToken(4);
        assertThat(NotifyingMessageSource.EngineSource.withoutGaps(plain)).isSameAs(plain);
        assertThat(NotifyingMessageSource.EngineSource.withoutGaps(null)).isNull();
    }

    @Test
    void aReaderWhoseQueueIsFullWaitsAndGoesOnWhenRead() throws Exception {
        append(0, 200);
        NotifyingMessageSource source = new NotifyingMessageSource(store, engine, 8, Duration.ofMillis(20));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            Thread.sleep(300); // the reader fills its queue of 8 and waits
            List<Object> all = read(stream, 200); // and goes on as the processor reads
            assertThat(all).hasSize(200).doesNotHaveDuplicates().first().isEqualTo("event-0");
            assertThat(all).last().isEqualTo("event-199");
        }
    }
}

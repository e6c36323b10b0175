package vn.thidua.projections;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side's storage engine forces the store to disk before it hands out an event above the last position known
 * durable, once for every event committed until then; events read again cost nothing.
 */
class DurableReadsTest {

    @Test
    void theStoreIsForcedBeforeANewEventIsHandedOutAndOnlyThen() {
        InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
        List<String> seen = new ArrayList<>();
        DurableReads engine = new DurableReads(store, () -> seen.add("force"));
        store.appendEvents(events(3));

        read(engine, -1, seen);
        assertThat(seen).containsExactly("force", "0", "1", "2");

        seen.clear();
        read(engine, -1, seen);
        assertThat(seen).as("events read again are known durable").containsExactly("0", "1", "2");

        seen.clear();
        store.appendEvents(events(2));
        read(engine, 2, seen);
        assertThat(seen).containsExactly("force", "3", "4");
    }

    private static void read(DurableReads engine, long after, List<String> seen) {
        try (var events = engine.readEvents(after < 0 ? null : new GlobalSequenceTrackingToken(after), false)) {
            events.forEach(e -> seen.add(Long.toString(position(e))));
        }
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    private static List<GenericEventMessage<String>> events(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new GenericEventMessage<>("event " + i))
                .collect(Collectors.toList());
    }
}

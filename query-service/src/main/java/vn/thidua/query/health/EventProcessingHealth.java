package vn.thidua.query.health;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.thidua.projections.TokenPositions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code eventProcessing}: the event store's head position, and for each processor its position and lag (events
 * stored but not yet in the read models) over all its segments, whichever node holds them, and how many of them this
 * node holds. Down when the event store cannot be read or a processor stopped on an error.
 */
@Component("eventProcessing")
public class EventProcessingHealth extends AbstractHealthIndicator {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final RebuildProgress progress;
    private final MongoDatabase database;
    private final Serializer serializer;

    /** {@code progress} reads this indicator's states, hence the lazy reference back. */
    public EventProcessingHealth(EventStore eventStore, EventProcessingConfiguration processing,
                                 @Lazy RebuildProgress progress, MongoDatabase database,
                                 @Qualifier("serializer") Serializer serializer) {
        super("Event store or processors unavailable");
        this.eventStore = eventStore;
        this.processing = processing;
        this.progress = progress;
        this.database = database;
        this.serializer = serializer;
    }

    /**
     * A processor as seen from this node: running here, in error here, its position over all segments, its lag,
     * how many segments it has and how many of them this node holds.
     */
    public record ProcessorState(String name, boolean running, boolean error, long position, long lag,
                                 int segments, int segmentsHere) {
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = head();
        Map<String, Object> processors = new LinkedHashMap<>();
        boolean healthy = true;
        for (ProcessorState state : states(head)) {
            healthy &= state.running() && !state.error();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", state.running());
            details.put("error", state.error());
            details.put("position", state.position());
            details.put("lag", state.lag());
            details.put("segments", state.segments());
            details.put("segmentsHere", state.segmentsHere());
            RebuildProgress.Progress now = progress.of(state, head); // the state just read, not read again
            if (now.eventsPerSecond() != null) {
                details.put("eventsPerSecond", Math.round(now.eventsPerSecond()));
            }
            if (now.secondsLeft() != null) {
                details.put("secondsLeft", now.secondsLeft());
            }
            processors.put(state.name(), details);
        }
        builder.status(healthy ? "UP" : "DOWN").withDetail("eventStoreHead", head)
                .withDetail("processors", processors);
    }

    /** The event store's head position (-1 while it holds no event). */
    public long head() {
        return position(eventStore.createHeadToken());
    }

    /** Whether every processor runs and has handled every event up to {@code head}. */
    public boolean caughtUp(long head) {
        List<ProcessorState> states = states(head);
        return !states.isEmpty() && states.stream().allMatch(s -> s.running() && s.position() >= head);
    }

    public List<ProcessorState> states(long head) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(p -> state(p, head)).toList();
    }

    /** One processor's state (its tokens only are read), empty when there is no such streaming processor. */
    public Optional<ProcessorState> state(String name, long head) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).map(p -> state(p, head));
    }

    /**
     * A segment this node holds is where its status says (fresher than the token store, which a segment without
     * events of its own updates only when it renews its claim); any other is where the token store says.
     */
    private ProcessorState state(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        Map<Integer, TokenPositions.SegmentPosition> stored = TokenPositions.of(database, serializer,
                processor.getName());
        long at = stored.isEmpty() ? -1 : stored.values().stream()
                .mapToLong(s -> here.containsKey(s.segment())
                        ? here.get(s.segment()).getCurrentPosition().orElse(-1) : s.position())
                .min().orElse(-1);
        return new ProcessorState(processor.getName(), processor.isRunning(), processor.isError(), at,
                Math.max(0, head - at), stored.size(), here.size());
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}

package vn.thidua.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code eventProcessing}: the event store's head position, and for each processor its position and lag (events
 * stored but not yet in the read models). Down when the event store cannot be read or a processor stopped on an
 * error.
 */
@Component("eventProcessing")
public class EventProcessingHealth extends AbstractHealthIndicator {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final RebuildProgress progress;

    /** {@code progress} reads this indicator's states, hence the lazy reference back. */
    public EventProcessingHealth(EventStore eventStore, EventProcessingConfiguration processing,
                                 @Lazy RebuildProgress progress) {
        super("Event store or processors unavailable");
        this.eventStore = eventStore;
        this.processing = processing;
        this.progress = progress;
    }

    public record ProcessorState(String name, boolean running, boolean error, long position, long lag) {
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
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .map(p -> {
                    long at = p.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                            .mapToLong(o -> o.orElse(-1)).min().orElse(-1);
                    return new ProcessorState(p.getName(), p.isRunning(), p.isError(), at, Math.max(0, head - at));
                }).toList();
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}

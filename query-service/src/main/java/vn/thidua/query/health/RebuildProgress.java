package vn.thidua.query.health;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a processor is, and how fast it goes: each reading is compared with the previous one of the same processor
 * (at least a second before), which gives events per second and, from the lag, the time left. Read by health and by
 * the replay endpoint; a rebuild is a processor with a lag.
 */
@Component
public class RebuildProgress {

    /** One processor's progress; rate and time left are null until two readings a second apart exist. */
    public record Progress(String processor, boolean running, long position, long head, long lag,
                          Double eventsPerSecond, Long secondsLeft) {
    }

    private record Reading(Instant at, long position, Double rate) {
    }

    private final EventProcessingHealth processing;
    private final Map<String, Reading> previous = new ConcurrentHashMap<>();

    public RebuildProgress(EventProcessingHealth processing) {
        this.processing = processing;
    }

    /** The processor's progress now, or null when there is no such processor. */
    public Progress of(String processor) {
        long head = processing.head();
        return processing.states(head).stream().filter(s -> s.name().equals(processor)).findFirst()
                .map(s -> of(s, head)).orElse(null);
    }

    /** The progress of a processor whose state (at {@code head}) the caller has read already. */
    public Progress of(EventProcessingHealth.ProcessorState state, long head) {
        Instant now = Instant.now();
        Reading before = previous.get(state.name());
        Double rate = before == null ? null : before.rate();
        if (before != null && Duration.between(before.at(), now).toMillis() >= 1000) {
            double seconds = Duration.between(before.at(), now).toMillis() / 1000.0;
            rate = Math.max(0, state.position() - before.position()) / seconds;
        }
        if (before == null || Duration.between(before.at(), now).toMillis() >= 1000) {
            previous.put(state.name(), new Reading(now, state.position(), rate));
        }
        Long secondsLeft = state.lag() == 0 ? Long.valueOf(0)
                : rate == null || rate == 0 ? null : (long) Math.ceil(state.lag() / rate);
        return new Progress(state.name(), state.running(), state.position(), head, state.lag(), rate, secondsLeft);
    }
}

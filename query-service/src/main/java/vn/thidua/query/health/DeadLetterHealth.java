package vn.thidua.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;
import vn.thidua.projections.ReadModels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deadLetters}: per processor, how many events are parked and in how many campaign sequences, with the first
 * reason. {@code WARN} (HTTP 200: the platform still serves every other campaign) while anything is parked.
 */
@Component("deadLetters")
public class DeadLetterHealth extends AbstractHealthIndicator {

    public static final Status WARN = new Status("WARN", "Events are parked in the dead-letter queue");
    private final EventProcessingConfiguration processing;

    public DeadLetterHealth(EventProcessingConfiguration processing) {
        super("Dead-letter queue unavailable");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean parked = false;
        for (String group : List.of(ReadModels.READ_MODELS_GROUP, ReadModels.AUDIT_GROUP)) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElse(null);
            if (queue == null) {
                continue;
            }
            long size = queue.size();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("parked", size);
            details.put("sequences", queue.amountOfSequences());
            if (size > 0) {
                parked = true;
                details.put("firstReason", firstReason(queue));
            }
            builder.withDetail(group, details);
        }
        builder.status(parked ? WARN : Status.UP);
    }

    /** Why a letter is parked, as an administrator reads it: the cause's type and message. */
    public static String reason(DeadLetter<?> letter) {
        return letter.cause().map(c -> c.type() + ": " + c.message()).orElse("unknown");
    }

    static String firstReason(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                return reason(letter);
            }
        }
        return "unknown";
    }
}

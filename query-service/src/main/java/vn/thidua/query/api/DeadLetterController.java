package vn.thidua.query.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import vn.thidua.service.security.Allowed;
import vn.thidua.projections.CampaignSequencing;
import vn.thidua.query.health.DeadLetterHealth;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.thidua.domain.common.Role.ADMIN;

/**
 * The projections' dead-letter queues (ADMIN): what is parked and why, retry after a fix (each parked campaign
 * sequence in order; a letter that fails again stays parked), or evict a sequence for good (its read models then
 * miss those events until a replay).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Allowed(ADMIN)
public class DeadLetterController {

    /** At most this many sequences are listed, and retried per call. */
    static final int MAX_SEQUENCES = 1_000;
    private final EventProcessingConfiguration processing;

    public DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping("/{processor}")
    public Map<String, Object> list(@PathVariable String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        List<Map<String, Object>> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences.size() >= MAX_SEQUENCES) {
                break;
            }
            List<Map<String, Object>> letters = new ArrayList<>();
            Object sequenceId = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> m = letter.message();
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("eventId", m.getIdentifier());
                l.put("type", m.getPayloadType().getSimpleName());
                if (m instanceof TrackedEventMessage<?> t && t.trackingToken() != null) {
                    l.put("position", t.trackingToken().position().orElse(-1));
                }
                if (m instanceof DomainEventMessage<?> d) {
                    l.put("aggregateId", d.getAggregateIdentifier());
                    l.put("aggregateSequence", d.getSequenceNumber());
                }
                if (sequenceId == null) {
                    sequenceId = CampaignSequencing.INSTANCE.getSequenceIdentifierFor(m);
                }
                l.put("cause", DeadLetterHealth.reason(letter));
                l.put("enqueuedAt", letter.enqueuedAt());
                l.put("lastTouched", letter.lastTouched());
                letters.add(l);
            }
            sequences.add(Map.of("sequence", String.valueOf(sequenceId), "letters", letters));
        }
        return Map.of("processor", processor, "parked", queue.size(), "sequences", sequences);
    }

    /** Retries every parked sequence once, in order; answers how many were processed and what is still parked. */
    @PostMapping("/{processor}/retry")
    public Map<String, Object> retry(@PathVariable String processor) {
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new QueryExceptions.NotFound("bộ xử lý sự kiện", processor));
        long sequences = queue(processor).amountOfSequences();
        int healed = 0;
        for (long i = 0; i < Math.min(sequences, MAX_SEQUENCES); i++) {
            if (retrier.processAny()) {
                healed++;
            }
        }
        return Map.of("processor", processor, "sequencesHealed", healed, "stillParked", queue(processor).size());
    }

    /** Evicts every parked letter of the sequence (a campaign id, or an aggregate id for events without one). */
    @DeleteMapping("/{processor}/sequences/{sequence}")
    public Map<String, Object> evict(@PathVariable String processor, @PathVariable String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        QueryParameters.text("sequence", sequence);
        int evicted = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            queue.evict(letter);
            evicted++;
        }
        if (evicted == 0) {
            throw new QueryExceptions.NotFound("chuỗi sự kiện bị giữ lại", sequence);
        }
        return Map.of("processor", processor, "sequence", sequence, "evicted", evicted);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(QueryParameters.text("processor", processor))
                .orElseThrow(() -> new QueryExceptions.NotFound("bộ xử lý sự kiện", processor));
    }
}

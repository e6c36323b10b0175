package vn.thidua.query.dashboard;

import org.springframework.stereotype.Component;
import vn.thidua.projections.ReadModels;
import vn.thidua.query.health.EventProcessingHealth;

/**
 * Where the read models stand, read before a dashboard reads them: the answer then reflects at least that position
 * (a batch written meanwhile only adds to it).
 */
@Component
public class Freshness {

    private final EventProcessingHealth processing;

    public Freshness(EventProcessingHealth processing) {
        this.processing = processing;
    }

    public Reflects now() {
        long head = processing.head();
        long position = processing.state(ReadModels.READ_MODELS_GROUP, head)
                .map(EventProcessingHealth.ProcessorState::position).orElse(-1L);
        return new Reflects(position, Math.max(0, head - position), head);
    }
}

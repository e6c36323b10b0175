package vn.thidua.query.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import vn.thidua.projections.ReadModels;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The read side's own figures beside Axon's, on {@code /actuator/prometheus}: the event store's head, and for each
 * processor its position and lag (what a rebuild still has to go: its progress).
 */
@Component("eventProcessingMetrics")
public class EventProcessingMetrics implements MeterBinder {

    private final EventProcessingHealth processing;

    public EventProcessingMetrics(EventProcessingHealth processing) {
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("thidua.event.store.head", processing, EventProcessingHealth::head)
                .description("Global position of the newest stored event").register(registry);
        for (String name : List.of(ReadModels.READ_MODELS_GROUP, ReadModels.AUDIT_GROUP)) {
            gauge(registry, "thidua.processor.position", name, "Position of the last event the processor handled",
                    s -> s.position());
            gauge(registry, "thidua.processor.lag", name, "Events stored but not yet handled by the processor",
                    s -> s.lag());
        }
    }

    private void gauge(MeterRegistry registry, String meter, String processor, String description,
                       ToDoubleFunction<EventProcessingHealth.ProcessorState> value) {
        Gauge.builder(meter, processing, p -> p.state(processor, p.head()).map(value::applyAsDouble)
                        .orElse(Double.NaN))
                .tag("processor", processor).description(description).register(registry);
    }
}

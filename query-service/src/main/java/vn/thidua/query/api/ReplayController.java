package vn.thidua.query.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.query.health.RebuildProgress;
import vn.thidua.service.security.Allowed;

import static vn.thidua.domain.common.Role.ADMIN;

/**
 * Replay administration (ADMIN): rebuilds a processor's read models from the first stored event. The processor
 * stops, its reset handler clears what it owns, its token goes back to the start, and it runs again; health shows
 * its lag until it has caught up. Only this node's processor is stopped: with several query-service nodes, stop the
 * others first.
 */
@RestController
@Allowed(ADMIN)
public class ReplayController {

    private final EventProcessingConfiguration processing;
    private final RebuildProgress progress;

    public ReplayController(EventProcessingConfiguration processing, RebuildProgress progress) {
        this.processing = processing;
        this.progress = progress;
    }

    @PostMapping("/api/admin/processors/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public RebuildProgress.Progress replay(@PathVariable String name) {
        TrackingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return progress.of(name);
    }

    /** How far the processor is: position, the event store's head, lag, events per second and seconds left. */
    @GetMapping("/api/admin/processors/{name}/replay")
    public RebuildProgress.Progress progress(@PathVariable String name) {
        processor(name);
        return progress.of(name);
    }

    private TrackingEventProcessor processor(String name) {
        return processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new QueryExceptions.NotFound("bộ xử lý sự kiện", name));
    }
}

package vn.thidua.query.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
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
 * its lag until it has caught up. The reset needs every segment: with several query-service nodes, stop the others
 * first (while one holds a segment, the answer is 409 and this node's processor runs on as before).
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
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw new QueryExceptions.SegmentsHeldElsewhere(name);
        } finally {
            processor.start();
        }
        return progress.of(name);
    }

    /** How far the processor is: position, the event store's head, lag, events per second and seconds left. */
    @GetMapping("/api/admin/processors/{name}/replay")
    public RebuildProgress.Progress progress(@PathVariable String name) {
        processor(name);
        return progress.of(name);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new QueryExceptions.NotFound("bộ xử lý sự kiện", name));
    }
}

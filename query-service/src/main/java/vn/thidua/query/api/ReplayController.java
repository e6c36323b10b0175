package vn.thidua.query.api;

import vn.thidua.service.security.Allowed;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

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

    public ReplayController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @PostMapping("/api/admin/processors/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> replay(@PathVariable String name) {
        TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new QueryExceptions.NotFound("bộ xử lý sự kiện", name));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return Map.of("processor", name, "replaying", true);
    }
}

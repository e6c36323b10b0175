package vn.thidua.standalone;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.projections.ReadModelDump;
import vn.thidua.query.health.EventProcessingHealth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test helpers for the embedded default: start it, wait for its processors, and read every read model as exact
 * bytes.
 */
final class ReadModelSnapshots {

    private ReadModelSnapshots() {
    }

    /**
     * The embedded default on {@code data} with free ports and no deadline polling (tests drive time themselves),
     * plus any {@code extra} options.
     */
    static Standalone start(Path data, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--thidua.data-dir=" + data,
                "--thidua.command-port=0", "--thidua.query-port=0", "--thidua.mongo-port=0",
                "--jobrunr.background-job-server.enabled=false"));
        args.addAll(java.util.List.of(extra));
        return Standalone.start(args.toArray(String[]::new));
    }

    static void awaitCaughtUp(ConfigurableApplicationContext query) {
        var eventStore = query.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class);
        EventProcessingHealth health = query.getBean(EventProcessingHealth.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!health.caughtUp(head(eventStore))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("processors did not catch up: " + health.states(head(eventStore)));
            }
            Waiting.sleep(50);
        }
    }

    private static long head(org.axonframework.eventsourcing.eventstore.EventStore eventStore) {
        var token = eventStore.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    static Map<String, List<String>> of(ConfigurableApplicationContext query) {
        return ReadModelDump.of(query.getBean(MongoDatabase.class));
    }
}

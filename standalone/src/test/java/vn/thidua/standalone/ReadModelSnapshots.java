package vn.thidua.standalone;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thidua.projections.ReadModels;
import vn.thidua.query.health.EventProcessingHealth;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers on a running query-service: wait for its processors, and read every read model as exact bytes. */
final class ReadModelSnapshots {

    private ReadModelSnapshots() {
    }

    static void awaitCaughtUp(ConfigurableApplicationContext query) {
        var eventStore = query.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class);
        EventProcessingHealth health = query.getBean(EventProcessingHealth.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            long head = eventStore.createHeadToken() == null ? -1
                    : eventStore.createHeadToken().position().orElse(-1);
            var states = health.states(head);
            if (states.size() == 2 && states.stream().allMatch(s -> s.running() && s.lag() == 0 && s.position() == head)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("processors did not catch up: " + states + " head " + head);
            }
            sleep(50);
        }
    }

    static Map<String, List<String>> of(ConfigurableApplicationContext query) {
        MongoDatabase database = query.getBean(MongoDatabase.class);
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String name : List.of(ReadModels.CAMPAIGNS, ReadModels.PARTICIPANTS, ReadModels.PROPOSALS,
                ReadModels.AWARDS, ReadModels.AUDIT)) {
            all.put(name, database.getCollection(name, RawBsonDocument.class).find().sort(new Document("_id", 1))
                    .map(ReadModelSnapshots::bytes).into(new ArrayList<>()));
        }
        return all;
    }

    private static String bytes(RawBsonDocument d) {
        ByteBuffer buffer = d.getByteBuffer().asNIO();
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return Base64.getEncoder().encodeToString(copy);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package vn.thidua.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.testing.Plans;
import vn.thidua.projections.campaigns.CampaignFigures;
import vn.thidua.projections.participants.ParticipantView;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key index after the process stops between a batch's writes, and the redelivered batch goes further than the
 * lost one (as it does: a restarted processor groups the events otherwise): the index then holds exactly what a
 * rebuild gives — no stale figures under the statistics keys, no unit left under a follow-up reason it no longer has.
 * Each window is tried: stopped at the index write (documents written, marked), and at the clearing of the marks.
 */
class IndexAfterCrashTest {

    private static final Instant AT = Instant.parse("2026-06-01T03:00:00Z");
    private final DocumentMapper mapper = new DocumentMapper();

    private static List<Object> events() {
        List<Object> events = new ArrayList<>();
        events.add(new CampaignLaunched("c", Plans.plan()));
        for (int u = 1; u <= 4; u++) {
            events.add(new ParticipantRegistered("c", "u" + u, "Đơn vị " + u, Plans.ISSUED));
        }
        for (int u = 1; u <= 4; u++) {
            events.add(new WorkPledged("c", "u" + u, new PledgedWork("w" + u, "Công trình " + u, null), Plans.ISSUED,
                    null, false));
        }
        return events;
    }

    @Test
    void stoppedAtTheIndexWrite() {
        stoppedAt(ReadModels.KEY_INDEX);
    }

    @Test
    void stoppedAtClearingTheMarks() {
        stoppedAt(ReadModels.CAMPAIGNS);
    }

    private void stoppedAt(String failingCollection) {
        List<Object> events = events();
        try (Store crashed = new Store(); Store rebuilt = new Store()) {
            apply(crashed.database, events.subList(0, 3), 0);
            // the batch of events 3–5 stops at its second write to the failing collection (or its first, for the index)
            AtomicBoolean armed = new AtomicBoolean(true);
            MongoDatabase failing = failingOnce(crashed.database, failingCollection, armed);
            assertThatThrownBy(() -> apply(failing, events.subList(3, 6), 3)).hasMessageContaining("stopped");
            // redelivered from event 3, in a batch that goes to the end
            apply(crashed.database, events.subList(3, events.size()), 3);
            apply(rebuilt.database, events, 0);
            assertThat(index(crashed.database)).isEqualTo(index(rebuilt.database));
            assertThat(crashed.database.getCollection(ReadModels.CAMPAIGNS).find().first())
                    .isEqualTo(rebuilt.database.getCollection(ReadModels.CAMPAIGNS).find().first());
            assertThat(KeyIndex.entries(crashed.database, ReadModels.CAMPAIGNS, CampaignFigures.STATISTICS))
                    .hasSize(1);
            assertThat(KeyIndex.entries(crashed.database, ReadModels.PARTICIPANTS,
                    ParticipantView.followUpKey("c", ParticipantView.FollowUp.NO_WORK))).isEmpty();
            for (Document d : crashed.database.getCollection(ReadModels.PARTICIPANTS).find()) {
                assertThat(d).as("marks cleared").doesNotContainKey(View.INDEX_PENDING);
            }
        }
    }

    private void apply(MongoDatabase database, List<Object> events, long firstPosition) {
        DocumentBatch batch = new DocumentBatch(ReadModels.READ_MODELS_GROUP, database, mapper,
                ReadModelProjection.READ_MODELS);
        long position = firstPosition;
        for (Object event : events) {
            Context in = new Context(batch, new Fact(position, position, AT),
                    MetaData.with(ActorMetadata.ACTOR_ID, "tester"));
            ReadModelProjection.READ_MODELS.forEach(readModel -> readModel.apply(event, in));
            position++;
        }
        batch.flush();
    }

    /** Every bucket of the key index, with its entries in order. */
    private static TreeMap<String, List<String>> index(MongoDatabase database) {
        TreeMap<String, List<String>> buckets = new TreeMap<>();
        for (Document d : database.getCollection(ReadModels.KEY_INDEX).find()) {
            List<String> entries = new ArrayList<>(d.getList("entries", String.class, List.of()));
            entries.sort(null);
            if (!entries.isEmpty()) {
                buckets.put(d.getString("_id"), entries);
            }
        }
        return buckets;
    }

    /**
     * The database, whose {@code collection} refuses one bulk write: the index's first, or a collection's second
     * (after its documents: the clearing of the marks).
     */
    @SuppressWarnings("unchecked")
    private static MongoDatabase failingOnce(MongoDatabase database, String collection, AtomicBoolean armed) {
        int[] writes = {0};
        int failAt = collection.equals(ReadModels.KEY_INDEX) ? 1 : 2;
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> {
                    Object result = invoke(database, method, args);
                    if (method.getName().equals("getCollection") && collection.equals(args[0])) {
                        MongoCollection<Document> real = (MongoCollection<Document>) result;
                        return Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                                new Class<?>[] {MongoCollection.class}, (p, m, a) -> {
                                    if (m.getName().equals("bulkWrite") && armed.get() && ++writes[0] == failAt) {
                                        armed.set(false);
                                        throw new IllegalStateException("stopped before this write");
                                    }
                                    return invoke(real, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A mongo-java-server of its own. */
    private static final class Store implements AutoCloseable {
        final MongoServer server = new MongoServer(new MemoryBackend());
        final MongoClient client;
        final MongoDatabase database;

        Store() {
            var address = server.bind();
            client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
            database = client.getDatabase("crash");
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();
        }
    }
}

package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.flipkart.zjsonpatch.JsonPatch;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.demo.DemoScenario;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.View;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As-of answers and decision histories against the running embedded default. While the demo scenario is loaded,
 * a reader captures the campaigns' and proposals' documents as the live read models store them, every state it
 * sees; afterwards each captured state must come back, byte for byte, from the as-of answer for its position, which
 * folds the events and never reads the stored read models. The histories' JSON Patches, applied one after the
 * other, must rebuild each document.
 */
class AuditHistoryTest {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Standalone platform;
    static final HttpClient http = HttpClient.newHttpClient();
    /** collection/id/position → the document's JSON as stored then. */
    static final Map<String, String> captured = new ConcurrentHashMap<>();

    @BeforeAll
    static void loadTheDemoWhileCapturing() throws Exception {
        platform = ReadModelSnapshots.start(data);
        MongoDatabase database = platform.query().getBean(MongoDatabase.class);
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread capture = new Thread(() -> {
            while (loading.get()) {
                captureAll(database);
            }
        });
        capture.start();
        DemoScenario.load().run(platform.command().getBean(CommandGateway.class));
        ReadModelSnapshots.awaitCaughtUp(platform.query());
        loading.set(false);
        capture.join();
        captureAll(database);
        assertThat(captured.size()).isGreaterThan(50);
    }

    static void captureAll(MongoDatabase database) {
        for (String collection : List.of(ReadModels.CAMPAIGNS, ReadModels.PROPOSALS)) {
            for (Document document : database.getCollection(collection).find()) {
                if (document.containsKey(View.INDEX_PENDING)) {
                    continue; // its batch is between its writes (View#indexPending): taken on a later pass, complete
                }
                captured.putIfAbsent(collection + "/" + document.getString("_id") + "/"
                        + ((Number) document.get("position")).longValue(), document.toJson(RELAXED));
            }
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static Answer get(String user, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + platform.queryPort() + path)).header("Authorization", FeedClient.basic(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r);
    }

    static String path(String collection) {
        return ReadModels.CAMPAIGNS.equals(collection) ? "/api/campaigns/" : "/api/proposals/";
    }

    @Test
    void everyStateTheLiveReadModelsHeldComesBackByteForByteFromItsPosition() throws Exception {
        List<String> keys = new ArrayList<>(captured.keySet());
        Collections.shuffle(keys, new Random(11));
        int checked = 0;
        for (String key : keys.subList(0, Math.min(keys.size(), 600))) {
            String[] parts = key.split("/");
            String collection = parts[0];
            String id = key.substring(collection.length() + 1, key.lastIndexOf('/'));
            long position = Long.parseLong(parts[parts.length - 1]);
            Answer answer = get("auditor", path(collection) + id + "/as-of?position=" + position);
            assertThat(answer.status()).as(key).isEqualTo(200);
            assertThat(answer.body()).as(key).isEqualTo(captured.get(key));
            assertThat(answer.header("Thidua-As-Of-Position")).isEqualTo(String.valueOf(position));
            assertThat(answer.header("Thidua-As-Of-Version"))
                    .isEqualTo(String.valueOf(Document.parse(captured.get(key)).get("version")));
            checked++;
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void versionsAndInstantsNameTheSamePoints() throws Exception {
        MongoDatabase database = platform.query().getBean(MongoDatabase.class);
        for (Document campaign : database.getCollection(ReadModels.CAMPAIGNS).find()) {
            String id = campaign.getString("_id");
            long version = ((Number) campaign.get("version")).longValue();
            for (long v : new long[]{0, version / 2, version}) {
                Answer byVersion = get("auditor", "/api/campaigns/" + id + "/as-of?version=" + v);
                assertThat(byVersion.status()).isEqualTo(200);
                assertThat(Document.parse(byVersion.body()).get("version", Number.class).longValue()).isEqualTo(v);
                String position = byVersion.header("Thidua-As-Of-Position");
                assertThat(get("auditor", "/api/campaigns/" + id + "/as-of?position=" + position).body())
                        .isEqualTo(byVersion.body());
                Answer byInstant = get("auditor", "/api/campaigns/" + id + "/as-of?at="
                        + byVersion.header("Thidua-As-Of-Timestamp"));
                assertThat(Long.parseLong(byInstant.header("Thidua-As-Of-Position")))
                        .as("an instant reaches at least the event recorded at it")
                        .isGreaterThanOrEqualTo(Long.parseLong(position));
            }
            Answer now = get("auditor", "/api/campaigns/" + id + "/as-of?at=2099-12-31");
            assertThat(now.body()).isEqualTo(campaign.toJson(RELAXED));
            assertThat(get("auditor", "/api/campaigns/" + id + "/as-of?at=2000-01-01").status()).isEqualTo(404);
        }
    }

    @Test
    void historiesListEveryEventWithWhoAndWhyAndTheirPatchesRebuildTheDocument() throws Exception {
        MongoDatabase database = platform.query().getBean(MongoDatabase.class);
        List<Document> documents = new ArrayList<>();
        database.getCollection(ReadModels.CAMPAIGNS).find().into(documents);
        database.getCollection(ReadModels.PROPOSALS).find().limit(25).into(documents);
        boolean sawReason = false;
        for (Document document : documents) {
            String collection = document.containsKey("proposingUnitId") ? ReadModels.PROPOSALS : ReadModels.CAMPAIGNS;
            String id = document.getString("_id");
            JsonNode rebuilt = JsonNodeFactory.instance.objectNode();
            long after = -1;
            long previous = -1;
            while (true) {
                Answer page = get("auditor", path(collection) + id + "/history?limit=7&after=" + after);
                assertThat(page.status()).isEqualTo(200);
                JsonNode body = JSON.readTree(page.body());
                for (JsonNode event : body.path("events")) {
                    assertThat(event.path("position").asLong()).isGreaterThan(previous);
                    previous = event.path("position").asLong();
                    assertThat(event.path("timestamp").asText()).isNotBlank();
                    assertThat(event.path("actor").path("role").asText()).isNotBlank();
                    assertThat(event.path("correlationId").asText()).isNotBlank();
                    assertThat(event.path("description").asText()).isNotBlank();
                    if (event.path("why").has("reason") || event.path("why").has("opinion")) {
                        sawReason = true;
                    }
                    rebuilt = JsonPatch.apply(event.path("changes"), rebuilt);
                }
                after = body.path("next").asLong();
                if (!body.path("more").asBoolean()) {
                    break;
                }
            }
            assertThat(rebuilt).as("%s rebuilt from its history", id).isEqualTo(JSON.readTree(
                    document.toJson(RELAXED)));
        }
        assertThat(sawReason).isTrue();
    }

    @Test
    void badQuestionsAreRefusedClearlyAndOnlyAuditorsAsk() throws Exception {
        String campaign = platform.query().getBean(MongoDatabase.class).getCollection(ReadModels.CAMPAIGNS).find()
                .first().getString("_id");
        String base = "/api/campaigns/" + campaign;
        assertThat(get("auditor", base + "/as-of").status()).isEqualTo(400);
        assertThat(get("auditor", base + "/as-of?version=1&position=3").status()).isEqualTo(400);
        assertThat(get("auditor", base + "/as-of?at=yesterday").status()).isEqualTo(400);
        assertThat(get("auditor", base + "/as-of?at=1900-01-01").status()).isEqualTo(400);
        assertThat(get("auditor", base + "/as-of?version=-1").status()).isEqualTo(400);
        assertThat(get("auditor", base + "/as-of?version=abc").status()).isEqualTo(400);
        assertThat(get("auditor", base + "/as-of?version=999999").status()).isEqualTo(404);
        assertThat(get("auditor", "/api/campaigns/no-such-campaign/as-of?version=0").status()).isEqualTo(404);
        assertThat(get("auditor", "/api/proposals/no-such-proposal/history").status()).isEqualTo(404);
        assertThat(get("auditor", base + "/history?limit=0").status()).isEqualTo(400);
        assertThat(get("auditor", base + "/history?limit=1001").status()).isEqualTo(400);
        Answer problem = get("auditor", base + "/as-of");
        assertThat(JSON.readTree(problem.body()).path("detail").asText()).contains("at");
        for (String user : List.of("organizer", "unit", "inspector", "council", "approver", "integration")) {
            assertThat(get(user, base + "/as-of?version=0").status()).as(user).isEqualTo(403);
            assertThat(get(user, base + "/history").status()).as(user).isEqualTo(403);
        }
        assertThat(get("admin", base + "/history").status()).isEqualTo(200);
    }
}

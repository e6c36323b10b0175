package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.domain.testing.Waiting;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import vn.thidua.query.feed.CloudEvents;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.feed.FeedStream;
import vn.thidua.query.feed.StoredEvent;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration feed against the running embedded default with the demo loaded: the pull feed hands out every
 * stored event once, in order, as CloudEvents equal to what the event table holds (read here with JDBC); its filters
 * and cursors; the live stream resumes with {@code Last-Event-ID} without gap or duplicate, beats while idle, and
 * drops a client that stops reading; the catalogue; who may read.
 */
class IntegrationFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Standalone platform;
    static FeedClient feed;
    static List<StoredEvents.Row> stored;

    @BeforeAll
    static void start() {
        platform = ReadModelSnapshots.start(data, "--demo", "--thidua.feed.heartbeat=1s",
                "--thidua.feed.socket-send-buffer=4096", "--thidua.feed.stream-batch=10",
                "--server.tomcat.connection-timeout=3s");
        feed = new FeedClient(platform.queryPort());
        stored = StoredEvents.all(platform.command().getBean(DataSource.class));
        assertThat(stored).hasSizeGreaterThan(100);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void thePullFeedHandsOutEveryStoredEventOnceInOrderAsCloudEvents() throws Exception {
        FeedClient.Page first = feed.get("integration", "/api/events?limit=7");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/cloudevents-batch+json");
        assertThat(first.body()).hasSize(7);
        assertThat(first.next()).isEqualTo(stored.get(6).position());
        assertThat(first.head()).isEqualTo(stored.get(stored.size() - 1).position());
        assertThat(first.link()).contains("after=" + first.next()).contains("limit=7").contains("rel=\"next\"");

        List<JsonNode> all = feed.all(-1, "", 37);
        assertThat(all).hasSize(stored.size());
        JsonFormat format = new JsonFormat();
        for (int i = 0; i < stored.size(); i++) {
            StoredEvents.Row row = stored.get(i);
            CloudEvent event = format.deserialize(JSON.writeValueAsBytes(all.get(i)));
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getId()).isEqualTo(row.eventId());
            assertThat(event.getType()).matches("vn\\.thidua\\.[a-z]+\\." + row.name() + "\\.v1");
            assertThat(event.getSubject()).isEqualTo(row.aggregateId());
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getDataSchema().toString()).endsWith("/api/events/types/" + event.getType() + "/schema");
            assertThat(Long.parseLong((String) event.getExtension("position"))).isEqualTo(row.position());
            assertThat(Long.parseLong((String) event.getExtension("sequence"))).isEqualTo(row.sequence());
            assertThat(event.getExtension("aggregatetype")).isEqualTo(row.aggregateType());
            assertThat(event.getExtension("campaignid")).isEqualTo(StoredEvents.campaignOf(row));
            assertThat(event.getExtension("actorid")).isEqualTo(row.metaData().path("actorId").asText(null));
            assertThat(event.getExtension("correlationid"))
                    .isEqualTo(row.metaData().path("correlationId").asText(null));
            assertThat(JSON.readTree(Objects.requireNonNull(event.getData()).toBytes())).isEqualTo(row.payload());
            assertThat(event.getTime()).isNotNull();
        }
        FeedClient.Page end = feed.get("integration", "/api/events?after=" + first.head());
        assertThat(end.body()).isEmpty();
        assertThat(end.next()).isEqualTo(first.head());
    }

    /** The embedded store's table reader and Axon's storage engine hand out the same events, byte for byte. */
    @Test
    void theTableReaderHandsOutWhatAxonsEngineHandsOut() {
        var query = platform.query();
        EventLog table = query.getBean(EventLog.class);
        assertThat(table).isInstanceOf(EventLog.Table.class);
        EventStorageEngine axon = query.getBean(EventStorageEngine.class);
        Serializer serializer = query.getBean("eventSerializer", Serializer.class);
        CloudEvents cloudEvents = query.getBean(CloudEvents.class);
        long cursor = table.beginning();
        int compared = 0;
        while (true) {
            List<StoredEvent> fromTable = table.readAfter(cursor, 97);
            List<StoredEvent> fromEngine;
            try (var read = axon.readEvents(cursor < 1 ? null
                    : GapAwareTrackingToken.newInstance(cursor, Collections.emptySortedSet()), false)) {
                fromEngine = read.limit(97).map(e -> StoredEvent.of(e, serializer)).toList();
            }
            assertThat(fromTable).hasSameSizeAs(fromEngine);
            if (fromTable.isEmpty()) {
                break;
            }
            for (int i = 0; i < fromTable.size(); i++) {
                assertThat(new String(cloudEvents.structured(fromTable.get(i)), StandardCharsets.UTF_8))
                        .isEqualTo(new String(cloudEvents.structured(fromEngine.get(i)), StandardCharsets.UTF_8));
                assertThat(fromTable.get(i).metaData()).isEqualTo(fromEngine.get(i).metaData());
            }
            compared += fromTable.size();
            cursor = fromTable.get(fromTable.size() - 1).position();
        }
        assertThat(compared).isEqualTo(stored.size());
    }

    @Test
    void filtersAndCursors() throws Exception {
        List<Long> granted = stored.stream().filter(r -> r.name().equals("AwardGranted"))
                .map(StoredEvents.Row::position).toList();
        assertThat(granted).isNotEmpty();
        assertThat(positions(feed.all(-1, "&types=AwardGranted", 5))).isEqualTo(granted);
        assertThat(positions(feed.all(-1, "&types=vn.thidua.proposal.AwardGranted.v1", 5))).isEqualTo(granted);
        List<Long> grantedOrRegistered = stored.stream()
                .filter(r -> r.name().equals("AwardGranted") || r.name().equals("ParticipantRegistered"))
                .map(StoredEvents.Row::position).toList();
        assertThat(positions(feed.all(-1, "&types=AwardGranted,ParticipantRegistered", 50)))
                .isEqualTo(grantedOrRegistered);

        String campaign = stored.stream().filter(r -> "Campaign".equals(r.aggregateType())).findFirst()
                .orElseThrow().aggregateId();
        List<Long> ofCampaign = stored.stream().filter(r -> campaign.equals(StoredEvents.campaignOf(r)))
                .map(StoredEvents.Row::position).toList();
        assertThat(ofCampaign).hasSizeGreaterThan(10);
        assertThat(positions(feed.all(-1, "&campaignId=" + campaign, 10))).isEqualTo(ofCampaign);
        String proposal = stored.stream().filter(r -> "AwardProposal".equals(r.aggregateType())).findFirst()
                .orElseThrow().aggregateId();
        assertThat(positions(feed.all(-1, "&aggregateId=" + proposal, 10))).isEqualTo(stored.stream()
                .filter(r -> r.aggregateId().equals(proposal)).map(StoredEvents.Row::position).toList());

        // a filter that matches nothing still moves the cursor to the end of what it examined
        FeedClient.Page none = feed.get("integration", "/api/events?campaignId=no-such-campaign");
        assertThat(none.body()).isEmpty();
        assertThat(none.next()).isEqualTo(stored.get(stored.size() - 1).position());

        // since: from the first event (in position order) stored at or after the instant
        Instant since = stored.get(stored.size() / 2).timestamp();
        StoredEvents.Row firstSince = stored.stream().filter(r -> !r.timestamp().isBefore(since)).findFirst()
                .orElseThrow();
        JsonNode fromSince = feed.get("integration", "/api/events?limit=1&since=" + since).body().get(0);
        assertThat(fromSince.get("position").asLong()).isEqualTo(firstSince.position());

        for (String bad : List.of("after=abc", "after=-2", "types=NoSuchEvent", "limit=0", "limit=1001",
                "after=1&since=2020-01-01T00:00:00Z", "since=yesterday", "campaignId=" + "x".repeat(201))) {
            FeedClient.Page refused = feed.get("integration", "/api/events?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theCatalogueListsEveryTypeWithItsSchema() {
        FeedClient.Page types = feed.get("integration", "/api/events/types");
        assertThat(types.status()).isEqualTo(200);
        assertThat(types.body()).hasSize(24);
        for (JsonNode type : types.body()) {
            assertThat(type.get("description").get("vi").asText()).isNotBlank();
            assertThat(type.get("description").get("en").asText()).isNotBlank();
            String schemaPath = URI.create(type.get("dataschema").asText()).getPath();
            FeedClient.Page schema = feed.get("integration", schemaPath);
            assertThat(schema.status()).isEqualTo(200);
            assertThat(schema.contentType()).startsWith("application/schema+json");
            assertThat(schema.body().get("$schema").asText()).contains("2020-12");
            assertThat(schema.body().get("title").asText()).isEqualTo(type.get("type").asText());
            assertThat(schema.body().get("properties")).isNotNull();
        }
        assertThat(feed.get("integration", "/api/events/types/NoSuchEvent/schema").status()).isEqualTo(404);
    }

    @Test
    void bothServicesDescribeTheirApiWithRolesAndProblems() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int port : List.of(platform.queryPort(), platform.commandPort())) {
            HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).isEqualTo(200);
            JsonNode api = JSON.readTree(docs.body());
            assertThat(api.get("openapi").asText()).startsWith("3.");
            if (port == platform.queryPort()) {
                JsonNode feed = api.at("/paths/~1api~1events/get");
                assertThat(feed.get("x-roles")).extracting(JsonNode::asText).containsExactly("INTEGRATION", "ADMIN");
                assertThat(feed.at("/responses/403/content").has("application/problem+json")).isTrue();
                assertThat(api.at("/paths/~1api~1subscriptions/post/x-roles")).isNotEmpty();
            } else {
                assertThat(api.at("/paths/~1api~1campaigns/post/x-roles")).extracting(JsonNode::asText)
                        .containsExactly("ORGANIZER");
            }
            HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/swagger-ui/index.html")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ui.statusCode()).isEqualTo(200);
            assertThat(ui.body()).contains("swagger-ui");
        }
        HttpResponse<String> types = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + platform.queryPort() + "/api/events/types")).header("Authorization",
                FeedClient.basic("integration")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(types.headers().firstValue("Link").orElse("")).contains("</v3/api-docs>; rel=\"service-desc\"")
                .contains("</swagger-ui.html>; rel=\"service-doc\"");
    }

    @Test
    void onlyIntegrationsAndAdministratorsReadTheFeed() {
        for (String user : List.of("organizer", "unit", "inspector", "council", "approver", "auditor")) {
            for (String path : List.of("/api/events", "/api/events/stream", "/api/events/types",
                    "/api/subscriptions")) {
                assertThat(feed.get(user, path).status()).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(feed.get("admin", "/api/events?limit=1").status()).isEqualTo(200);
        assertThat(feed.get("nobody", "/api/events").status()).isEqualTo(401);
    }

    @Test
    void theLiveStreamResumesFromLastEventIdWithoutGapOrDuplicate() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Long> received = new ArrayList<>();
        try (Stream<String> lines = open(http, "/api/events/stream", null)) {
            lines.filter(l -> l.startsWith("id: ")).limit(25)
                    .forEach(l -> received.add(Long.parseLong(l.substring(4))));
        }
        long resumeAfter = received.get(received.size() - 1);
        List<String> heartbeat = new ArrayList<>();
        try (Stream<String> lines = open(http, "/api/events/stream?after=0", Long.toString(resumeAfter))) {
            long head = stored.get(stored.size() - 1).position();
            var it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("id: ")) {
                    received.add(Long.parseLong(line.substring(4)));
                } else if (line.startsWith(":")) {
                    heartbeat.add(line);
                    break; // caught up and idle: the heartbeat came
                } else if (line.startsWith("data: ")) {
                    JsonNode event = JSON.readTree(line.substring(6));
                    assertThat(event.get("position").asLong()).isEqualTo(received.get(received.size() - 1));
                }
            }
            assertThat(received.get(received.size() - 1)).isEqualTo(head);
        }
        assertThat(heartbeat).containsExactly(": heartbeat");
        assertThat(received).isEqualTo(stored.stream().map(StoredEvents.Row::position).toList());

        // a filter that leaves everything out still moves the cursor a reconnection starts from
        try (Stream<String> lines = open(http, "/api/events/stream?campaignId=no-such-campaign", null)) {
            String idOnly = lines.filter(l -> l.startsWith("id: ")).findFirst().orElseThrow();
            assertThat(idOnly).isEqualTo("id: " + stored.get(stored.size() - 1).position());
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedAndHoldsOnlyABatch() throws Exception {
        FeedStream streams = platform.query().getBean(FeedStream.class);
        Waiting.until(() -> streams.open() == 0, Duration.ofSeconds(10)); // streams of other tests have ended
        int before = 0;
        long everything = 0;
        for (StoredEvents.Row row : stored) {
            everything += row.payload().toString().length();
        }
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(1024);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", platform.queryPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + FeedClient.basic("integration") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Waiting.until(() -> streams.open() == before + 1, Duration.ofSeconds(10));
            // the client reads nothing: the server's writes block, then fail after the connection timeout (3 s)
            Waiting.until(() -> streams.open() == before, Duration.ofSeconds(30));
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(5_000);
            long read = 0;
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                }
            } catch (java.io.IOException reset) {
                // the server closed the connection: what was read is all it sent
            }
            assertThat(read).as("bytes the stopped client could still read").isLessThan(everything);
        }
    }

    private Stream<String> open(HttpClient http, String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + platform.queryPort()
                + path)).header("Authorization", FeedClient.basic("integration")).header("Accept",
                "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.sendAsync(request.GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return response.body();
    }

    private static List<Long> positions(List<JsonNode> events) {
        return events.stream().map(e -> e.get("position").asLong()).toList();
    }
}

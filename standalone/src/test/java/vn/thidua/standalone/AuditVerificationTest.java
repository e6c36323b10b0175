package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.projections.ReadModels;
import vn.thidua.query.ledger.TreeStore;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's verification against tampering, on the running embedded default with the demo loaded: one byte of
 * one stored event changed, one stored event deleted, two stored events swapped (in the H2 event store, with JDBC),
 * one audit document changed and one deleted (in MongoDB): each is named by its kind and exact position, and once
 * repaired the verification passes again.
 */
class AuditVerificationTest {

    @TempDir
    static Path data;
    static Standalone platform;
    static FeedClient feed;
    static List<StoredEvents.Row> stored;
    static DataSource events;
    static MongoCollection<Document> audit;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = ReadModelSnapshots.start(data, "--demo");
        feed = new FeedClient(platform.queryPort());
        events = platform.command().getBean(DataSource.class);
        stored = StoredEvents.all(events);
        audit = platform.query().getBean(MongoDatabase.class).getCollection(ReadModels.AUDIT);
        TreeStore tree = platform.query().getBean(TreeStore.class);
        Waiting.until(() -> tree.state().size() == stored.size(), Duration.ofSeconds(60));
        ReadModelSnapshots.awaitCaughtUp(platform.query());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @AfterEach
    void theRepairedStorePassesAgain() throws Exception {
        JsonNode report = verify();
        assertThat(report.path("status").asText()).as("%s", report).isEqualTo("PASSED");
        assertThat(report.path("events").asLong()).isEqualTo(stored.size());
        assertThat(report.path("leaves").asLong()).isEqualTo(stored.size());
        assertThat(report.path("auditEntries").asLong()).isEqualTo(stored.size());
    }

    static JsonNode verify() throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + platform.queryPort() + "/api/audit/verifications"))
                .header("Authorization", FeedClient.basic("auditor"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode[] report = new JsonNode[1];
        Waiting.until(() -> {
            report[0] = feed.get("auditor", location).body();
            return !"RUNNING".equals(report[0].path("status").asText());
        }, Duration.ofSeconds(60));
        return report[0];
    }

    static void assertDivergence(String kind, long position) throws Exception {
        JsonNode report = verify();
        assertThat(report.path("status").asText()).as("%s", report).isEqualTo("FAILED");
        assertThat(report.path("divergence").path("kind").asText()).as("%s", report).isEqualTo(kind);
        assertThat(report.path("divergence").path("position").asLong()).as("%s", report).isEqualTo(position);
        assertThat(report.path("divergence").path("detail").asText()).isNotBlank();
    }

    @Test
    void oneByteOfOneStoredEventChangedIsNamed() throws Exception {
        StoredEvents.Row row = stored.get(stored.size() / 2);
        byte[] original = column(row.position(), "PAYLOAD");
        String text = new String(original, StandardCharsets.UTF_8);
        int at = text.indexOf("\":\"") + 3; // the first letter of the first text value
        byte[] changed = original.clone();
        changed[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] ^= 1;
        update(row.position(), "PAYLOAD", changed);
        try {
            assertDivergence("ENTRY_CHANGED", row.position());
        } finally {
            update(row.position(), "PAYLOAD", original);
        }
    }

    @Test
    void bytesAppendedAfterAStoredPayloadAreNamed() throws Exception {
        // a JSON reader that stops after the first value would read the same event, and hash it the same
        StoredEvents.Row row = stored.get(stored.size() / 3);
        byte[] original = column(row.position(), "PAYLOAD");
        update(row.position(), "PAYLOAD", (new String(original, StandardCharsets.UTF_8) + " {\"x\":1}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            assertDivergence("ENTRY_CHANGED", row.position());
        } finally {
            update(row.position(), "PAYLOAD", original);
        }
    }

    @Test
    void aDeletedStoredEventIsNamed() throws Exception {
        StoredEvents.Row row = stored.get(stored.size() / 3);
        Map<String, Object> original = rowOf(row.position());
        execute("DELETE FROM DOMAIN_EVENT_ENTRY WHERE GLOBAL_INDEX = ?", row.position());
        try {
            assertDivergence("ENTRY_MISSING", row.position());
        } finally {
            insert(original);
        }
    }

    @Test
    void twoSwappedStoredEventsAreNamed() throws Exception {
        long a = stored.get(stored.size() / 4).position();
        long b = stored.get(stored.size() / 4 + 1).position();
        swap(a, b);
        try {
            assertDivergence("ENTRIES_REORDERED", a);
        } finally {
            swap(a, b);
        }
    }

    @Test
    void aChangedAuditDocumentIsNamed() throws Exception {
        long position = stored.get(stored.size() / 5).position();
        Document original = audit.find(Filters.eq("_id", position)).first();
        audit.updateOne(Filters.eq("_id", position), Updates.set("description", "đã sửa"));
        try {
            assertDivergence("AUDIT_ENTRY_DIFFERS", position);
        } finally {
            audit.replaceOne(Filters.eq("_id", position), original);
        }
    }

    @Test
    void aDeletedAuditDocumentIsNamed() throws Exception {
        long position = stored.get(stored.size() / 6).position();
        Document original = audit.find(Filters.eq("_id", position)).first();
        audit.deleteOne(Filters.eq("_id", position));
        try {
            assertDivergence("AUDIT_ENTRY_MISSING", position);
        } finally {
            audit.insertOne(original);
        }
    }

    @Test
    void onlyAuditorsAndAdministratorsVerify() throws Exception {
        for (String user : List.of("organizer", "unit", "inspector", "council", "approver", "integration")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + platform.queryPort() + "/api/audit/verifications"))
                    .header("Authorization", FeedClient.basic(user))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(user).isEqualTo(403);
        }
        assertThat(feed.get("auditor", "/api/audit/verifications/no-such-report").status()).isEqualTo(404);
    }

    /** Two rows exchange everything but their positions (through a free sequence number and event id). */
    static void swap(long a, long b) throws SQLException {
        Map<String, Object> first = rowOf(a);
        Map<String, Object> second = rowOf(b);
        execute("UPDATE DOMAIN_EVENT_ENTRY SET SEQUENCE_NUMBER = -1, EVENT_IDENTIFIER = 'swap' WHERE GLOBAL_INDEX = ?",
                a);
        write(b, first);
        write(a, second);
    }

    static void write(long position, Map<String, Object> values) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE DOMAIN_EVENT_ENTRY SET ");
        values.keySet().stream().filter(c -> !c.equals("GLOBAL_INDEX")).forEach(c -> sql.append(c).append(" = ?, "));
        sql.setLength(sql.length() - 2);
        sql.append(" WHERE GLOBAL_INDEX = ?");
        try (Connection c = events.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!e.getKey().equals("GLOBAL_INDEX")) {
                    s.setObject(i++, e.getValue());
                }
            }
            s.setLong(i, position);
            s.executeUpdate();
        }
    }

    static Map<String, Object> rowOf(long position) throws SQLException {
        try (Connection c = events.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM DOMAIN_EVENT_ENTRY WHERE GLOBAL_INDEX = ?")) {
            s.setLong(1, position);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                ResultSetMetaData meta = r.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.put(meta.getColumnName(i), value instanceof java.sql.Blob blob
                            ? blob.getBytes(1, (int) blob.length()) : value);
                }
                return row;
            }
        }
    }

    static void insert(Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        try (Connection c = events.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO DOMAIN_EVENT_ENTRY (" + columns + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                s.setObject(i++, value);
            }
            s.executeUpdate();
        }
    }

    static byte[] column(long position, String column) throws SQLException {
        return (byte[]) rowOf(position).get(column);
    }

    static void update(long position, String column, byte[] value) throws SQLException {
        try (Connection c = events.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE DOMAIN_EVENT_ENTRY SET " + column + " = ? WHERE GLOBAL_INDEX = ?")) {
            s.setBytes(1, value);
            s.setLong(2, position);
            s.executeUpdate();
        }
    }

    static void execute(String sql, long position) throws SQLException {
        try (Connection c = events.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, position);
            s.executeUpdate();
        }
    }
}

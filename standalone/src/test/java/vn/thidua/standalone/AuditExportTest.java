package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.export.ExportFile;
import vn.thidua.ledger.export.ExportLayout;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports against the running embedded default with the demo loaded, checked as an auditor would: downloaded over
 * HTTP, then verified by the command-line verifier in its own JVM ({@code Standalone verify}, what
 * {@code java -jar thidua.jar verify} runs) with only the public key and a head saved earlier; a later head is proven
 * consistent with the export's; a changed byte is named; rows are compared with the event table and the API.
 */
class AuditExportTest {

    @TempDir
    static Path data;
    @TempDir
    static Path files;
    static Standalone platform;
    static FeedClient http;
    static List<StoredEvents.Row> stored;
    static Path key;
    static Path firstHead;
    static long firstSize;

    @BeforeAll
    static void start() throws Exception {
        platform = ReadModelSnapshots.start(data, "--demo", "--thidua.audit.ledger.sign-every=40",
                "--thidua.audit.ledger.sign-interval=200ms");
        http = new FeedClient(platform.queryPort());
        stored = StoredEvents.all(platform.command().getBean(DataSource.class));
        Waiting.until(() -> latestSize() == stored.size(), Duration.ofSeconds(60));
        key = files.resolve("thidua-ledger.pub.pem");
        Files.writeString(key, http.text("auditor", "/api/audit/public-key.pem"));
        JsonNode first = http.get("auditor", "/api/audit/tree-heads?limit=1").body().get(0);
        firstSize = first.path("treeSize").asLong();
        firstHead = files.resolve("first-head.json");
        Files.writeString(firstHead, first.toString());
        assertThat(firstSize).isLessThan(stored.size());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static long latestSize() {
        JsonNode head = http.get("auditor", "/api/audit/tree-heads/latest").body();
        return head == null ? -1 : head.path("treeSize").asLong(-1);
    }

    record Download(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
        }
    }

    static Download download(String user, String pathAndQuery) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + platform.queryPort() + pathAndQuery))
                .header("Authorization", FeedClient.basic(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new java.util.HashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        return new Download(r.statusCode(), headers, r.body());
    }

    static Path save(String user, String pathAndQuery, String name) throws Exception {
        Download d = download(user, pathAndQuery);
        assertThat(d.status()).as(pathAndQuery + ": " + new String(d.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        Path file = files.resolve(name);
        Files.write(file, d.body());
        return file;
    }

    /** The verifier in a JVM of its own, as an auditor runs it: its exit status and what it printed. */
    static String verify(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Standalone.class.getName(), "verify"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        child.getInputStream().transferTo(out);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return child.exitValue() + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyExportVerifiesOfflineAgainstTheKeyAndAHeadSavedEarlier() throws Exception {
        long size = latestSize();
        List<String> args = new ArrayList<>(List.of("--key", key.toString(), "--head", firstHead.toString()));
        for (String format : List.of("csv", "xlsx")) {
            args.add(save("auditor", "/api/audit/export?format=" + format + "&consistencyFrom=" + firstSize,
                    "audit." + format).toString());
            args.add(save("auditor", "/api/audit/export?format=" + format + "&type=AwardGranted&consistencyFrom="
                    + firstSize, "granted." + format).toString());
            args.add(save("auditor", "/api/campaigns/thu-thua-dai-hoi-2020/history/export?format=" + format
                    + "&consistencyFrom=" + firstSize, "history." + format).toString());
            args.add(save("auditor", "/api/proposals/bk-db-tan-long/history/export?format=" + format
                    + "&consistencyFrom=" + firstSize, "proposal-history." + format).toString());
            args.add(save("unit", "/api/awards/export?format=" + format + "&consistencyFrom=" + firstSize,
                    "awards." + format).toString());
        }
        String report = verify(args.toArray(String[]::new));
        assertThat(report).startsWith("0\n").contains("KẾT QUẢ: ĐẠT").doesNotContain("SAI ")
                .contains("đủ mọi mục 0 … " + (size - 1))
                .contains("Nhất quán cây " + firstSize + " mục → cây " + size + " mục: chứng minh đúng");
    }

    @Test
    void theWholeTrailHoldsEveryStoredEventOnceWithTheLeafAnAuditorComputesFromTheTable() throws Exception {
        Download d = download("auditor", "/api/audit/export?format=csv");
        assertThat(d.header("Content-Type")).startsWith("text/csv");
        assertThat(d.header("Content-Disposition")).isEqualTo("attachment; filename=\"thidua-audit-"
                + stored.size() + ".csv\"");
        assertThat(d.header("Thidua-Tree-Size")).isEqualTo(String.valueOf(stored.size()));
        Path file = files.resolve("whole.csv");
        Files.write(file, d.body());
        List<ExportFile.Line> lines = new ArrayList<>();
        ExportFile export = ExportFile.open(file);
        export.rows(lines::add);
        assertThat(export.stamp()).containsEntry(ExportLayout.COMPLETE, "true").containsEntry(ExportLayout.KIND,
                "audit").containsEntry(ExportLayout.TAKEN_BY, "auditor");
        assertThat(lines).hasSize(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            StoredEvents.Row row = stored.get(i);
            ExportFile.Line line = lines.get(i);
            assertThat(line.get("position")).isEqualTo(String.valueOf(row.position()));
            assertThat(line.get("leafIndex")).isEqualTo(String.valueOf(i));
            assertThat(line.get("leafHash")).isEqualTo(MerkleHashes.hex(AuditLedgerTest.leafHash(row)));
            assertThat(line.get("eventId")).isEqualTo(row.eventId());
        }
        // the registry export holds what the registry answers, and the history what the history answers
        Path awards = save("auditor", "/api/awards/export?format=xlsx&campaignId=thu-thua-dai-hoi-2020",
                "thu-thua-awards.xlsx");
        List<String> ids = new ArrayList<>();
        ExportFile.open(awards).rows(line -> ids.add(line.get("awardId")));
        List<String> listed = new ArrayList<>();
        http.get("auditor", "/api/awards?campaignId=thu-thua-dai-hoi-2020&size=100").body().path("items")
                .forEach(a -> listed.add(a.path("id").asText()));
        assertThat(ids).isNotEmpty().isEqualTo(listed);
        Path history = save("auditor", "/api/proposals/bk-db-tan-long/history/export?format=csv", "bk.csv");
        List<String> positions = new ArrayList<>();
        ExportFile.open(history).rows(line -> positions.add(line.get("position")));
        List<String> answered = new ArrayList<>();
        http.get("auditor", "/api/proposals/bk-db-tan-long/history?limit=1000").body().path("events")
                .forEach(e -> answered.add(e.path("position").asText()));
        assertThat(positions).isNotEmpty().isEqualTo(answered);
    }

    @Test
    void aLaterHeadIsProvenConsistentWithTheExportAndAChangedByteIsNamed() throws Exception {
        Path export = save("auditor", "/api/audit/export?format=csv&aggregateId=thu-thua-dai-hoi-2020",
                "thu-thua.csv");
        long exportSize = Long.parseLong(ExportFile.open(export).stamp().get(ExportLayout.TREE_HEAD)
                .replaceAll(".*\"treeSize\":(\\d+).*", "$1"));
        // more events, and a head over them
        new Api(platform.commandPort()).post("organizer", "/api/campaigns",
                Map.of("plan", TestPlans.plan("9/KH-EXPORT", 2, 3)));
        Waiting.until(() -> latestSize() > exportSize, Duration.ofSeconds(60));
        JsonNode later = http.get("auditor", "/api/audit/tree-heads/latest").body();
        Path laterHead = files.resolve("later-head.json");
        Files.writeString(laterHead, later.toString());
        Path proof = files.resolve("consistency.json");
        Files.writeString(proof, http.text("auditor", "/api/audit/proofs/consistency?first=" + exportSize
                + "&second=" + later.path("treeSize").asLong()));
        assertThat(verify("--key", key.toString(), "--head", laterHead.toString(), "--consistency",
                proof.toString(), export.toString())).startsWith("0\n").contains("Nhất quán cây " + exportSize
                + " mục → cây " + later.path("treeSize").asLong() + " mục: chứng minh đúng");
        // without the proof, the verifier says which one to fetch
        assertThat(verify("--key", key.toString(), "--head", laterHead.toString(), export.toString()))
                .startsWith("1\n").contains("thiếu chứng minh (lấy /api/audit/proofs/consistency?first="
                        + exportSize + "&second=" + later.path("treeSize").asLong());
        // one byte of one event's canonical form changed in the file (its payload, not the description column,
        // which is the server's reading of the event and not what the leaf covers)
        String text = Files.readString(export, StandardCharsets.UTF_8);
        int at = text.indexOf("Thủ Thừa", text.indexOf("\"\"payload\"\""));
        assertThat(at).isPositive();
        Path changed = files.resolve("changed.csv");
        Files.writeString(changed, text.substring(0, at) + "Thu Thừa" + text.substring(at + "Thủ Thừa".length()),
                StandardCharsets.UTF_8);
        assertThat(verify("--key", key.toString(), changed.toString())).startsWith("1\n")
                .containsPattern("SAI   Dòng \\d+ \\(vị trí \\d+\\): băm lá không khớp dạng chuẩn");
    }

    @Test
    void badRequestsAreRefusedAndRolesHold() throws Exception {
        assertThat(download("auditor", "/api/audit/export?format=pdf").status()).isEqualTo(400);
        assertThat(download("auditor", "/api/audit/export").status()).isEqualTo(400);
        assertThat(download("auditor", "/api/audit/export?format=csv&consistencyFrom=0").status()).isEqualTo(400);
        assertThat(download("auditor", "/api/audit/export?format=csv&consistencyFrom=" + (stored.size() + 1000L))
                .status()).isEqualTo(400);
        assertThat(download("auditor", "/api/audit/export?format=csv&from=yesterday").status()).isEqualTo(400);
        assertThat(download("auditor", "/api/campaigns/no-such/history/export?format=csv").status()).isEqualTo(404);
        assertThat(download("auditor", "/api/proposals/no-such/history/export?format=xlsx").status())
                .isEqualTo(404);
        assertThat(download("auditor", "/api/awards/export?format=csv&year=99999").status()).isEqualTo(400);
        assertThat(download("unit", "/api/audit/export?format=csv").status()).isEqualTo(403);
        assertThat(download("organizer", "/api/campaigns/thu-thua-dai-hoi-2020/history/export?format=csv")
                .status()).isEqualTo(403);
        assertThat(download("integration", "/api/awards/export?format=csv").status()).isEqualTo(403);
    }
}

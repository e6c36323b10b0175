package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.ledger.CanonicalEvent;
import vn.thidua.ledger.CompactRange;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.ProofVerifier;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SigningKeys;
import vn.thidua.ledger.TreeHeadJson;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit ledger against the running embedded default with the demo loaded, checked as an auditor who does not
 * trust the server would: the tree's roots are recomputed here from the event table (read with JDBC), every head
 * must verify with the served public key, and every proof with the RFC's algorithms; then what each role may ask,
 * and how bad input is refused.
 */
class AuditLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Standalone platform;
    static FeedClient http;
    static List<StoredEvents.Row> stored;
    static List<byte[]> leaves;
    static PublicKey publicKey;

    @BeforeAll
    static void start() {
        platform = ReadModelSnapshots.start(data, "--demo", "--thidua.audit.ledger.sign-every=40",
                "--thidua.audit.ledger.sign-interval=200ms");
        http = new FeedClient(platform.queryPort());
        stored = StoredEvents.all(platform.command().getBean(DataSource.class));
        leaves = stored.stream().map(AuditLedgerTest::leafHash).toList();
        publicKey = SigningKeys.readPublic(http.text("auditor", "/api/audit/public-key.pem"));
        // the ledger signs a head of every stored event
        Waiting.until(() -> latest() != null && latest().path("treeSize").asLong() == stored.size(),
                Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The leaf hash an auditor computes from the stored row alone. */
    static byte[] leafHash(StoredEvents.Row row) {
        try {
            return new CanonicalEvent(row.eventId(), row.payloadType(), row.revision(), row.aggregateType(),
                    row.aggregateId(), row.sequence(), row.timestamp(), JSON.writeValueAsBytes(row.metaData()),
                    JSON.writeValueAsBytes(row.payload())).leafHash();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode latest() {
        return http.get("auditor", "/api/audit/tree-heads/latest").body();
    }

    static byte[] rootOf(long size) {
        CompactRange range = new CompactRange();
        leaves.subList(0, (int) size).forEach(leaf -> range.append(leaf, (l, i, h) -> {
        }));
        return range.root();
    }

    @Test
    void everySignedHeadVerifiesWithTheServedKeyAndStatesTheRootOfTheStoredEvents() {
        JsonNode key = http.get("unit", "/api/audit/public-key").body();
        assertThat(SigningKeys.readPublic(key.path("pem").asText())).isEqualTo(publicKey);
        List<JsonNode> heads = new ArrayList<>();
        http.get("auditor", "/api/audit/tree-heads?limit=1000").body().forEach(heads::add);
        assertThat(heads.size()).isGreaterThan(2);
        long previous = 0;
        for (JsonNode json : heads) {
            SignedTreeHead head = TreeHeadJson.fromJson(json);
            assertThat(head.verifiedBy(publicKey)).as("head %s", json).isTrue();
            assertThat(head.keyId()).isEqualTo(key.path("keyId").asText());
            assertThat(head.head().treeSize()).isGreaterThan(previous);
            assertThat(MerkleHashes.hex(head.head().rootHash())).as("root of %d", head.head().treeSize())
                    .isEqualTo(MerkleHashes.hex(rootOf(head.head().treeSize())));
            assertThat(http.get("auditor", "/api/audit/tree-heads/" + head.head().treeSize()).body()).isEqualTo(json);
            previous = head.head().treeSize();
        }
        assertThat(previous).isEqualTo(stored.size());
    }

    @Test
    void everyEntryIsProvenIncludedAndItsCanonicalFormHashesToItsLeaf() throws Exception {
        SignedTreeHead head = TreeHeadJson.fromJson(latest());
        for (int i = 0; i < stored.size(); i += 7) {
            StoredEvents.Row row = stored.get(i);
            JsonNode proof = http.get("auditor", "/api/audit/proofs/inclusion?position=" + row.position()).body();
            assertThat(proof.path("leafIndex").asLong()).isEqualTo(i);
            assertThat(proof.path("treeSize").asLong()).isEqualTo(head.head().treeSize());
            byte[] leaf = MerkleHashes.fromHex(proof.path("leafHash").asText());
            assertThat(leaf).isEqualTo(leaves.get(i));
            List<byte[]> path = StreamSupport.stream(proof.path("path").spliterator(), false)
                    .map(h -> MerkleHashes.fromHex(h.asText())).toList();
            assertThat(ProofVerifier.verifyInclusion(i, head.head().treeSize(), leaf, path, head.head().rootHash())
                    .verified()).as("entry at %d", row.position()).isTrue();

            JsonNode entry = http.get("auditor", "/api/audit/leaves/" + row.position()).body();
            assertThat(MerkleHashes.leaf(entry.path("canonicalForm").asText().getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(leaf);
            assertThat(JSON.readTree(entry.path("canonicalForm").asText()).path("eventId").asText())
                    .isEqualTo(row.eventId());
        }
        // against an older head: the proof is for that tree
        JsonNode early = http.get("auditor", "/api/audit/tree-heads?limit=1").body().get(0);
        SignedTreeHead first = TreeHeadJson.fromJson(early);
        JsonNode proof = http.get("auditor", "/api/audit/proofs/inclusion?position=" + stored.get(0).position()
                + "&treeSize=" + first.head().treeSize()).body();
        assertThat(proof.path("treeHead")).isEqualTo(early);
        assertThat(ProofVerifier.verifyInclusion(0, first.head().treeSize(), leaves.get(0), hashes(proof.path("path")),
                first.head().rootHash()).verified()).isTrue();
    }

    @Test
    void everyAuditEntryIsAnsweredWithItsLeafInTheLedger() {
        for (int page = 0; ; page++) {
            JsonNode answer = http.get("auditor", "/api/audit?size=50&page=" + page).body();
            for (JsonNode entry : answer.path("items")) {
                int i = indexOf(entry.path("id").asLong());
                assertThat(entry.path("leafIndex").asLong()).isEqualTo(i);
                assertThat(entry.path("leafHash").asText()).isEqualTo(MerkleHashes.hex(leaves.get(i)));
                assertThat(entry.path("eventId").asText()).isEqualTo(stored.get(i).eventId());
            }
            if ((page + 1) * 50L >= answer.path("total").asLong()) {
                break;
            }
        }
    }

    static int indexOf(long position) {
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).position() == position) {
                return i;
            }
        }
        throw new AssertionError("no stored event at " + position);
    }

    @Test
    void everyEarlierHeadIsProvenConsistentWithTheLatest() {
        SignedTreeHead last = TreeHeadJson.fromJson(latest());
        for (JsonNode json : http.get("auditor", "/api/audit/tree-heads?limit=1000").body()) {
            SignedTreeHead earlier = TreeHeadJson.fromJson(json);
            JsonNode proof = http.get("auditor", "/api/audit/proofs/consistency?first="
                    + earlier.head().treeSize()).body();
            assertThat(proof.path("second").asLong()).isEqualTo(last.head().treeSize());
            List<byte[]> path = hashes(proof.path("proof"));
            assertThat(ProofVerifier.verifyConsistency(earlier.head().treeSize(), last.head().treeSize(),
                    earlier.head().rootHash(), last.head().rootHash(), path).verified()).isTrue();
            if (!path.isEmpty()) {
                byte[] forged = rootOf(earlier.head().treeSize()).clone();
                forged[0] ^= 1;
                assertThat(ProofVerifier.verifyConsistency(earlier.head().treeSize(), last.head().treeSize(),
                        forged, last.head().rootHash(), path).verified()).isFalse();
            }
        }
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheLedgerAndBadInputIsRefused() {
        long position = stored.get(3).position();
        for (String user : List.of("organizer", "unit", "inspector", "council", "approver", "integration")) {
            assertThat(http.get(user, "/api/audit/tree-heads/latest").status()).as(user).isEqualTo(403);
            assertThat(http.get(user, "/api/audit/proofs/inclusion?position=" + position).status()).isEqualTo(403);
            assertThat(http.get(user, "/api/audit/public-key").status()).isEqualTo(200);
        }
        assertThat(http.get("admin", "/api/audit/proofs/inclusion?position=" + position).status()).isEqualTo(200);
        assertThat(http.get("auditor", "/api/audit/proofs/inclusion?position=abc").status()).isEqualTo(400);
        assertThat(http.get("auditor", "/api/audit/proofs/inclusion").status()).isEqualTo(400);
        assertThat(http.get("auditor", "/api/audit/proofs/inclusion?position=" + position + "&treeSize=0").status())
                .isEqualTo(400);
        assertThat(http.get("auditor", "/api/audit/proofs/inclusion?position=" + position + "&treeSize="
                + (stored.size() + 1)).status()).isEqualTo(400);
        assertThat(http.get("auditor", "/api/audit/proofs/inclusion?position=" + (stored.get(stored.size() - 1)
                .position() + 1000)).status()).isEqualTo(404);
        assertThat(http.get("auditor", "/api/audit/proofs/consistency?first=0").status()).isEqualTo(400);
        assertThat(http.get("auditor", "/api/audit/proofs/consistency?first=" + (stored.size() + 1)).status())
                .isEqualTo(400);
        assertThat(http.get("auditor", "/api/audit/tree-heads?limit=5000").status()).isEqualTo(400);
        assertThat(http.get("auditor", "/api/audit/tree-heads/999999999").status()).isEqualTo(404);
        assertThat(http.get("auditor", "/api/audit/leaves/999999999").status()).isEqualTo(404);
        JsonNode problem = http.get("auditor", "/api/audit/proofs/inclusion?position=abc").body();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    static List<byte[]> hashes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(h -> MerkleHashes.fromHex(h.asText())).toList();
    }
}

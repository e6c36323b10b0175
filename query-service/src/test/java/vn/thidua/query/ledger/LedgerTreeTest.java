package vn.thidua.query.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.ledger.CanonicalEvent;
import vn.thidua.ledger.CompactRange;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.MerkleProofs;
import vn.thidua.ledger.ProofVerifier;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SigningKeys;
import vn.thidua.ledger.SubtreeHashes;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.feed.Gaps;
import vn.thidua.query.feed.HeadWatcher;
import vn.thidua.query.feed.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit ledger's tree as stored in MongoDB (mongo-java-server) over 70,000 events with gaps in their positions:
 * three levels of tiles. Its roots and proofs equal those of a tree kept whole in memory, its proofs verify, a crash
 * between tiles and state is repaired, a late writer cannot take the tree back, and the builder signs heads that
 * verify with its key.
 */
class LedgerTreeTest {

    static final int EVENTS = 70_000;
    static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoDatabase database;
    TreeStore store;
    FakeLog log;
    final KeyPair keys = SigningKeys.generate();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("thidua");
        store = new TreeStore(database);
        log = new FakeLog(EVENTS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    LedgerBuilder builder(int signEvery, Duration signInterval) {
        return new LedgerBuilder(store, log, new Gaps(Duration.ofSeconds(10), Clock.systemUTC()),
                new HeadWatcher(log, Duration.ofMillis(10)), new InMemoryTokenStore(),
                new LedgerKeys(keys.getPrivate(), keys.getPublic()),
                new LedgerProperties(Path.of("unused"), Path.of("unused"), false, signEvery, signInterval, 1000),
                Clock.systemUTC());
    }

    TreeStore.State buildAll(LedgerBuilder builder, TreeStore.State from) {
        TreeStore.State state = from;
        while (true) {
            TreeStore.State next = builder.append(state);
            if (next == state) {
                return state;
            }
            state = next;
        }
    }

    @Test
    void theStoredTreeAnswersAsATreeKeptWholeAndItsProofsVerify() {
        TreeStore.State state = buildAll(builder(1000, Duration.ofMinutes(1)), TreeStore.State.EMPTY);
        assertThat(state.size()).isEqualTo(EVENTS);
        assertThat(state.lastPosition()).isEqualTo(log.forms.get(EVENTS - 1).position());
        assertThat(store.state().size()).isEqualTo(EVENTS);

        WholeTree whole = new WholeTree(log.forms);
        Random random = new Random(7);
        SubtreeHashes stored = store.at(EVENTS);
        for (long size : new long[]{1, 2, 255, 256, 257, 65_535, 65_536, 65_537, EVENTS}) {
            assertThat(MerkleProofs.root(size, stored)).as("root %d", size).isEqualTo(MerkleProofs.root(size, whole));
            assertThat(MerkleProofs.root(size, store.at(size))).as("root %d, its own tiles", size)
                    .isEqualTo(MerkleProofs.root(size, whole));
        }
        assertThat(store.state().root()).isEqualTo(MerkleProofs.root(EVENTS, whole));
        for (int i = 0; i < 300; i++) {
            long size = 1 + random.nextInt(EVENTS);
            long leaf = random.nextInt((int) size);
            List<byte[]> path = MerkleProofs.inclusion(leaf, size, stored);
            assertThat(path).containsExactlyElementsOf(MerkleProofs.inclusion(leaf, size, whole));
            assertThat(ProofVerifier.verifyInclusion(leaf, size, whole.leaves.get((int) leaf), path,
                    MerkleProofs.root(size, whole)).verified()).isTrue();
            long first = 1 + random.nextInt((int) size);
            List<byte[]> proof = MerkleProofs.consistency(first, size, stored);
            assertThat(proof).containsExactlyElementsOf(MerkleProofs.consistency(first, size, whole));
            assertThat(ProofVerifier.verifyConsistency(first, size, MerkleProofs.root(first, whole),
                    MerkleProofs.root(size, whole), proof).verified()).isTrue();
        }
    }

    @Test
    void aLeafIsFoundByItsEventsPositionAcrossTheGaps() {
        buildAll(builder(1000, Duration.ofMinutes(1)), TreeStore.State.EMPTY);
        for (int i : new int[]{0, 1, 255, 256, 1000, 33_333, EVENTS - 1}) {
            EventLog.StoredForm form = log.forms.get(i);
            TreeStore.Leaf leaf = store.leafAt(form.position(), 1, EVENTS).orElseThrow();
            assertThat(leaf.index()).isEqualTo(i);
            assertThat(leaf.hash()).isEqualTo(form.event().leafHash());
        }
        assertThat(store.leafAt(log.gap, 1, EVENTS)).as("a position no event has").isEmpty();
        assertThat(store.leafAt(log.forms.get(EVENTS - 1).position() + 1, 1, EVENTS)).isEmpty();
        assertThat(store.leafAt(log.forms.get(500).position(), 1, 500)).as("beyond the tree asked").isEmpty();
        assertThat(store.leaf(77, EVENTS).orElseThrow().position()).isEqualTo(log.forms.get(77).position());
    }

    @Test
    void theTreeKeepsOneDocumentPerTileAndRemovesSupersededOnes() {
        buildAll(builder(1000, Duration.ofMinutes(1)), TreeStore.State.EMPTY);
        List<String> ids = new ArrayList<>();
        database.getCollection(TreeStore.TREE).find().forEach(d -> ids.add(d.getString("_id")));
        // 70,000 leaves: 273 full leaf tiles and one of 112, one full tile of level 1 and one of 17, one of 1
        assertThat(ids).contains("state", "tile/0/0", "tile/0/272", "tile/0/273/112", "tile/1/0", "tile/1/1/17",
                "tile/2/0/1").hasSize(273 + 1 + 1 + 1 + 1 + 1 + 1); // and the latest head's size
    }

    @Test
    void aCrashBetweenTilesAndStateIsRepairedAndLateWritesCannotShrinkTheTree() {
        LedgerBuilder builder = builder(1000, Duration.ofMinutes(1));
        TreeStore.State state = TreeStore.State.EMPTY;
        for (int i = 0; i < 3; i++) {
            state = builder.append(state);
        }
        TreeStore.State before = state;
        List<org.bson.Document> at3000 = database.getCollection(TreeStore.TREE).find().into(new ArrayList<>());
        TreeStore.State ahead = builder.append(builder.append(state)); // tiles and state written to 5,000
        // the crash: the tiles of 4,000 and 5,000 written, the state still at 3,000 and its tiles still there
        database.getCollection(TreeStore.TREE).deleteOne(Filters.eq("_id", "state"));
        for (org.bson.Document document : at3000) {
            database.getCollection(TreeStore.TREE).replaceOne(Filters.eq("_id", document.get("_id")), document,
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
        assertThat(store.state().size()).isEqualTo(3_000);
        assertThat(store.grow(before)).as("not grown: refused").isFalse();
        TreeStore.State resumed = buildAll(builder, store.state());
        assertThat(resumed.size()).isEqualTo(EVENTS);
        assertThat(store.grow(ahead)).as("a late, smaller state").isFalse();
        assertThat(store.state().size()).isEqualTo(EVENTS);
        store.write(new TreeStore.Tile(0, 0, 10, new byte[256 * 32], new long[256])); // a late, partial tile
        assertThat(store.leaf(5, EVENTS).orElseThrow().hash()).isEqualTo(log.forms.get(5).event().leafHash());
        assertThat(store.state().root()).isEqualTo(MerkleProofs.root(EVENTS, new WholeTree(log.forms)));
        assertThat(MerkleProofs.root(EVENTS, store.at(EVENTS))).isEqualTo(store.state().root());
        assertThat(MerkleProofs.root(4_321, store.at(4_321))).as("an older size, its partial tile superseded")
                .isEqualTo(MerkleProofs.root(4_321, new WholeTree(log.forms)));
    }

    @Test
    void theBuilderSignsHeadsThatVerifyAndStateTheRootsOfTheirSizes() throws Exception {
        LedgerBuilder builder = builder(20_000, Duration.ofMillis(200));
        builder.start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            // the head is kept, then the latest head's size raised: wait for both
            while (store.latestHead().map(h -> h.head().treeSize() < EVENTS).orElse(true)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            builder.stop();
        }
        List<SignedTreeHead> heads = store.headsAfter(0, 100);
        assertThat(heads).hasSizeGreaterThanOrEqualTo(4);
        assertThat(heads.get(heads.size() - 1).head().treeSize()).isEqualTo(EVENTS);
        assertThat(store.latestHead().orElseThrow().head().treeSize()).isEqualTo(EVENTS);
        WholeTree whole = new WholeTree(log.forms);
        for (SignedTreeHead head : heads) {
            assertThat(head.verifiedBy(keys.getPublic())).isTrue();
            assertThat(head.keyId()).isEqualTo(SigningKeys.keyId(keys.getPublic()));
            assertThat(head.head().rootHash()).isEqualTo(MerkleProofs.root(head.head().treeSize(), whole));
        }
        for (int i = 1; i < heads.size(); i++) {
            assertThat(heads.get(i).head().treeSize() - heads.get(i - 1).head().treeSize())
                    .as("heads at least sign-every apart, but for the last").isGreaterThan(0);
        }
    }

    /** Events at positions 1… with a gap of two positions after every 997th, stored long ago. */
    static final class FakeLog implements EventLog {

        final List<EventLog.StoredForm> forms = new ArrayList<>();
        long gap = -1;

        FakeLog(int events) {
            long position = 1;
            for (int i = 0; i < events; i++) {
                if (i % 997 == 996) {
                    if (gap < 0) {
                        gap = position;
                    }
                    position += 2;
                }
                forms.add(new StoredForm(position, new CanonicalEvent("event-" + i, "vn.thidua.T", null,
                        "Campaign", "c-" + (i % 50), (long) i / 50, LONG_AGO.plusMillis(i),
                        "{\"actorId\":\"an\"}".getBytes(StandardCharsets.UTF_8),
                        ("{\"n\":" + i + ",\"text\":\"Thi đua\"}").getBytes(StandardCharsets.UTF_8))));
                position++;
            }
        }

        @Override
        public List<StoredForm> readStoredFormsAfter(long after, int max) {
            int from = 0;
            int lo = 0;
            int hi = forms.size();
            while (lo < hi) { // the first form after `after`
                int mid = (lo + hi) >>> 1;
                if (forms.get(mid).position() <= after) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            from = lo;
            return forms.subList(from, Math.min(forms.size(), from + max));
        }

        @Override
        public List<StoredEvent> readAfter(long after, int max) {
            throw new UnsupportedOperationException("the ledger reads stored forms only");
        }

        @Override
        public List<Verifiable> readVerifiableAfter(long after, int max) {
            throw new UnsupportedOperationException("the ledger reads stored forms only");
        }

        @Override
        public StreamableMessageSource<TrackedEventMessage<?>> store() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long head() {
            return forms.get(forms.size() - 1).position();
        }

        @Override
        public long firstPosition() {
            return 1;
        }
    }

    /** Every perfect subtree of the same leaves, computed in memory. */
    static final class WholeTree implements SubtreeHashes {

        final List<byte[]> leaves = new ArrayList<>();
        final Map<String, byte[]> nodes = new HashMap<>();

        WholeTree(List<EventLog.StoredForm> forms) {
            CompactRange range = new CompactRange();
            for (EventLog.StoredForm form : forms) {
                byte[] leaf = form.event().leafHash();
                leaves.add(leaf);
                range.append(leaf, (level, index, hash) -> nodes.put(level + "/" + index, hash));
            }
        }

        @Override
        public byte[] hash(int level, long index) {
            return nodes.get(level + "/" + index);
        }
    }

    static String hex(byte[] hash) {
        return MerkleHashes.hex(hash);
    }
}

package vn.thidua.query.ledger;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.thidua.ledger.CompactRange;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.TreeHead;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.feed.Gaps;
import vn.thidua.query.feed.HeadWatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grows the audit ledger's Merkle tree: one leaf per stored event, in position order, from the event store itself
 * (the stored form, {@link EventLog#readStoredFormsAfter}), never from a read model. Positions are passed only below
 * the feed's high-water mark ({@link Gaps}): a leaf, once in the tree, keeps its place.
 * <p>
 * One node builds at a time: the one holding the claim on the token {@value #TOKEN} (segment 0) in the token store
 * the processors share; its position is the tree's last leaf's. A batch writes its tiles, then the tree's state, then
 * the token; a crash in between leaves tiles ahead of the state, which the next batch writes again with the same
 * bytes. The heads of the trees whose size is a multiple of {@code sign-every} are signed and kept as the tree passes
 * them (their sizes are predictable: 1,000, 2,000, …), and, while no event comes, the head of the tree as it is once
 * {@code sign-interval} has passed since the last head.
 */
public class LedgerBuilder implements SmartLifecycle {

    public static final String TOKEN = "audit-ledger";
    private static final long GAP_LOOK = 100;
    private static final Logger log = LoggerFactory.getLogger(LedgerBuilder.class);

    private final TreeStore store;
    private final EventLog events;
    private final Gaps gaps;
    private final HeadWatcher head;
    private final TokenStore tokens;
    private final LedgerKeys keys;
    private final LedgerProperties properties;
    private final Clock clock;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long signedSize = -1;
    private volatile Instant signedAt = Instant.EPOCH;

    public LedgerBuilder(TreeStore store, EventLog events, Gaps gaps, HeadWatcher head, TokenStore tokens,
                         LedgerKeys keys, LedgerProperties properties, Clock clock) {
        this.store = store;
        this.events = events;
        this.gaps = gaps;
        this.head = head;
        this.tokens = tokens;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "audit-ledger");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (claim()) {
                    try {
                        buildWhileClaimed();
                    } finally {
                        release();
                    }
                } else {
                    Thread.sleep(2_000); // another node builds; look again later (its claim may lapse)
                }
            } catch (InterruptedException e) {
                return;
            } catch (UnableToClaimTokenException lost) {
                log.info("audit ledger: claim taken over by another node");
            } catch (RuntimeException e) {
                if (!running) {
                    return; // stopped while the store was being read or written (an interrupted call)
                }
                log.warn("audit ledger: {} (retrying)", e.toString(), e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private boolean claim() {
        if (tokens.fetchSegments(TOKEN).length == 0) {
            try {
                tokens.initializeSegment(null, TOKEN, 0);
            } catch (UnableToInitializeTokenException madeMeanwhile) {
                // another node made it
            }
        }
        try {
            tokens.fetchToken(TOKEN, 0);
            return true;
        } catch (UnableToClaimTokenException heldElsewhere) {
            return false;
        }
    }

    private void release() {
        try {
            tokens.releaseClaim(TOKEN, 0);
        } catch (RuntimeException ignored) {
            // the claim lapses by itself
        }
    }

    private void buildWhileClaimed() throws InterruptedException {
        TreeStore.State state = store.state();
        store.latestHead().ifPresent(h -> {
            signedSize = h.head().treeSize();
            signedAt = h.head().timestamp();
        });
        long storedAt = 0;
        while (running) {
            tokens.extendClaim(TOKEN, 0); // a node that lost its claim stops before it writes
            TreeStore.State grown = append(state);
            if (grown != state) {
                state = grown;
                tokens.storeToken(new GlobalSequenceTrackingToken(state.lastPosition()), TOKEN, 0); // renews the claim
                storedAt = clock.millis();
                continue;
            }
            signIfIdleLong(state);
            if (clock.millis() - storedAt > 1_000) {
                tokens.extendClaim(TOKEN, 0);
                storedAt = clock.millis();
            }
            if (head.awaitBeyond(Math.max(state.lastPosition(), events.beginning()), Duration.ofMillis(500))) {
                Thread.sleep(GAP_LOOK); // events beyond, yet none appended: a gap not passed yet
            }
        }
    }

    /** Appends the next batch of events below the high-water mark; the same state when there is none. */
    TreeStore.State append(TreeStore.State state) {
        long cursor = state.size() == 0 ? events.beginning() : state.lastPosition();
        List<EventLog.StoredForm> batch = events.readStoredFormsAfter(cursor, properties.batchSize());
        if (batch.isEmpty()) {
            return state;
        }
        CompactRange range = state.range();
        Map<String, TreeStore.Tile> tiles = new HashMap<>();
        List<Long> due = new ArrayList<>();
        List<byte[]> roots = new ArrayList<>();
        long last = state.lastPosition();
        for (EventLog.StoredForm form : batch) {
            if (!gaps.mayPass(cursor, form.position(), form.event().timestamp())) {
                break;
            }
            byte[] leaf = form.event().leafHash();
            long position = form.position();
            range.append(leaf, (level, index, hash) -> {
                if (level % TreeStore.TILE_HEIGHT == 0) {
                    put(tiles, state.size(), level / TreeStore.TILE_HEIGHT, index, hash, level == 0 ? position : -1);
                }
            });
            if (range.size() % properties.signEvery() == 0) {
                due.add(range.size());
                roots.add(range.root());
            }
            cursor = position;
            last = position;
        }
        if (range.size() == state.size()) {
            return state;
        }
        tiles.values().forEach(store::write);
        Instant now = clock.instant();
        for (int i = 0; i < due.size(); i++) { // before the state: a crash in between signs them again, the same
            sign(due.get(i), roots.get(i), now);
        }
        TreeStore.State grown = new TreeStore.State(range.size(), last, range.edge());
        store.grow(grown);
        for (TreeStore.Tile tile : tiles.values()) { // readers of the older tree find the same hashes in the new
            store.removeSuperseded(tile.level(), tile.index(), TreeStore.count(tile.level(), tile.index(),
                    state.size()));
        }
        return grown;
    }

    /** Adds a hash to its tile, read from the store (or begun) the first time the batch touches it. */
    private void put(Map<String, TreeStore.Tile> tiles, long size, int tileLevel, long nodeIndex, byte[] hash,
                     long position) {
        long tileIndex = nodeIndex >> TreeStore.TILE_HEIGHT;
        int offset = (int) (nodeIndex & (TreeStore.TILE_WIDTH - 1));
        TreeStore.Tile tile = tiles.computeIfAbsent(tileLevel + "/" + tileIndex, id -> {
            Optional<TreeStore.Tile> stored = store.tile(tileLevel, tileIndex, size);
            byte[] hashes = new byte[TreeStore.TILE_WIDTH * MerkleHashes.SIZE];
            long[] positions = tileLevel == 0 ? new long[TreeStore.TILE_WIDTH] : null;
            int count = 0;
            if (stored.isPresent()) {
                count = Math.min(stored.get().count(), offset);
                System.arraycopy(stored.get().hashes(), 0, hashes, 0, count * MerkleHashes.SIZE);
                if (positions != null) {
                    System.arraycopy(stored.get().positions(), 0, positions, 0, count);
                }
            }
            return new TreeStore.Tile(tileLevel, tileIndex, count, hashes, positions);
        });
        if (tile.count() != offset) {
            throw new IllegalStateException("tile " + tileLevel + "/" + tileIndex + " holds " + tile.count()
                    + " hashes where node " + nodeIndex + " comes next");
        }
        System.arraycopy(hash, 0, tile.hashes(), offset * MerkleHashes.SIZE, MerkleHashes.SIZE);
        if (tile.positions() != null) {
            tile.positions()[offset] = position;
        }
        tiles.put(tileLevel + "/" + tileIndex, new TreeStore.Tile(tileLevel, tileIndex, offset + 1,
                tile.hashes(), tile.positions()));
    }

    /**
     * While no event comes: the head of the tree as it is, once {@code sign-interval} has passed since the last, or
     * at once when none was ever signed (a new platform has a head as soon as it has events).
     */
    private void signIfIdleLong(TreeStore.State state) {
        Instant now = clock.instant();
        if (state.size() > signedSize
                && (signedSize < 0 || !now.isBefore(signedAt.plus(properties.signInterval())))) {
            sign(state.size(), state.root(), now);
        }
    }

    private void sign(long size, byte[] root, Instant now) {
        store.keep(SignedTreeHead.sign(new TreeHead(size, root, now), keys.privateKey(), keys.publicKey()));
        signedSize = Math.max(signedSize, size);
        signedAt = now;
    }

    /** The tree's size and last leaf's position as this node last saw them; for health and metrics. */
    public TreeStore.State state() {
        return store.state();
    }
}

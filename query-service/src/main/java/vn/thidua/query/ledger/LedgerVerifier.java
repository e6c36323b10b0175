package vn.thidua.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import vn.thidua.ledger.CompactRange;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.Fact;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.audit.AuditEntry;
import vn.thidua.query.feed.EventLog;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Recomputes the audit ledger and the audit trail from the event store and names the first place where anything
 * differs, with its position and kind:
 * <ul>
 *   <li>every stored event's leaf hash against the ledger's leaf at the same index: {@code ENTRY_CHANGED} (same
 *       position, other content), {@code ENTRIES_REORDERED} (the event is the ledger's next one: two events changed
 *       places), {@code ENTRY_MISSING} (the ledger's entry at that position is no longer stored), {@code ENTRY_ADDED}
 *       (a stored event the ledger never had);</li>
 *   <li>the root of every signed head against the root recomputed at its size, and its signature against the key:
 *       {@code HEAD_ROOT_DIFFERS}, {@code HEAD_SIGNATURE_INVALID};</li>
 *   <li>every audit entry (present, or due: the audit processor has passed its event) against the entry its event
 *       makes:
 *       {@code AUDIT_ENTRY_DIFFERS}, {@code AUDIT_ENTRY_MISSING}, and entries at positions no event has:
 *       {@code AUDIT_ENTRY_EXTRA}.</li>
 * </ul>
 * It trusts nothing the ledger or the read models say about the events; what it reads from them is only compared.
 */
public final class LedgerVerifier {

    public enum Kind {
        ENTRY_CHANGED, ENTRIES_REORDERED, ENTRY_MISSING, ENTRY_ADDED, HEAD_ROOT_DIFFERS, HEAD_SIGNATURE_INVALID,
        AUDIT_ENTRY_DIFFERS, AUDIT_ENTRY_MISSING, AUDIT_ENTRY_EXTRA
    }

    /** Where the first difference is: its kind, the event store's position, the ledger's leaf index if any. */
    public record Divergence(Kind kind, long position, Long leafIndex, String detail) {
    }

    /** What a verification checked and the first divergence it found (null when none). */
    public record Outcome(long events, long leaves, long headsChecked, long auditEntries, double seconds,
                          Divergence divergence) {
        public double eventsPerSecond() {
            return seconds == 0 ? 0 : events / seconds;
        }
    }

    private static final int BATCH = 1000;

    private final EventLog events;
    private final TreeStore tree;
    private final MongoDatabase database;
    private final DocumentMapper mapper;
    private final LongSupplier auditReached;
    private final PublicKey key;

    /**
     * @param auditReached the position up to which the audit processor has written every entry (an entry after it
     *                     may be missing yet; one that exists is compared all the same)
     */
    public LedgerVerifier(EventLog events, TreeStore tree, MongoDatabase database, DocumentMapper mapper,
                          LongSupplier auditReached, PublicKey key) {
        this.events = events;
        this.tree = tree;
        this.database = database;
        this.mapper = mapper;
        this.auditReached = auditReached;
        this.key = key;
    }

    /** Runs to the end of the store, or to the first divergence; {@code progress} hears the events checked. */
    public Outcome run(LongConsumer progress) {
        long started = System.nanoTime();
        long treeSize = tree.state().size();
        Map<Long, SignedTreeHead> heads = new HashMap<>();
        tree.headsAfter(0, Integer.MAX_VALUE).forEach(h -> heads.put(h.head().treeSize(), h));
        long reached = auditReached.getAsLong();
        MongoCollection<Document> audit = database.getCollection(ReadModels.AUDIT);
        CompactRange range = new CompactRange();
        long checked = 0;
        long headsChecked = 0;
        long auditChecked = 0;
        TreeStore.Tile tile = null;
        Divergence found = null;
        // the next batch is read (event store, audit entries) while this one is checked: reading waits on the stores,
        // checking on the processor, and one after the other left the machine three-quarters idle (JFR, 30k events)
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "audit-verification-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Read> next = reader.submit(() -> read(audit, events.beginning()));
            while (found == null) {
                Read read = await(next);
                List<EventLog.Verifiable> batch = read.batch();
                if (batch.isEmpty()) {
                    break;
                }
                long last = batch.get(batch.size() - 1).stored().position();
                next = reader.submit(() -> read(audit, last));
                Map<Long, Document> entries = read.entries();
                Long extra = extraEntry(entries, batch);
                // what each event makes, computed on every core; the comparisons below stay in order
                List<EventLog.Verifiable> events = batch;
                byte[][] leaves = new byte[batch.size()][];
                boolean[] same = new boolean[batch.size()];
                IntStream.range(0, batch.size()).parallel().forEach(i -> {
                    try {
                        leaves[i] = events.get(i).stored().event().leafHash();
                    } catch (IllegalArgumentException notJson) {
                        leaves[i] = null; // what is stored is no longer JSON: named below
                    }
                    Document stored = entries.get(events.get(i).stored().position());
                    try {
                        same[i] = stored != null && expectedEntry(events.get(i).message()).equals(stored);
                    } catch (RuntimeException unreadable) {
                        same[i] = false; // an event the read models cannot read makes no entry to compare
                    }
                });
                for (int i = 0; i < batch.size() && found == null; i++) {
                    EventLog.Verifiable event = batch.get(i);
                    long position = event.stored().position();
                    byte[] leaf = leaves[i];
                    long index = range.size();
                    if (leaf == null) {
                        found = new Divergence(Kind.ENTRY_CHANGED, position, index < treeSize ? index : null,
                                "the event stored at " + position + " is no longer JSON in its payload or metadata");
                        break;
                    }
                    if (index < treeSize) {
                        if (tile == null || tile.index() != index >> TreeStore.TILE_HEIGHT) {
                            tile = tree.tile(0, index >> TreeStore.TILE_HEIGHT, treeSize).orElse(null);
                        }
                        found = compare(tile, index, treeSize, position, leaf);
                        if (found != null) {
                            break; // the ledger names a missing event better than the audit entry it left behind
                        }
                    }
                    if (extra != null && extra < position) {
                        found = new Divergence(Kind.AUDIT_ENTRY_EXTRA, extra, null, "an audit entry at " + extra
                                + ", where the event store holds no event");
                        break;
                    }
                    range.append(leaf, (l, x, h) -> {
                    });
                    SignedTreeHead head = heads.get(range.size());
                    if (head != null) {
                        headsChecked++;
                        found = checkHead(head, range.root(), position, range.size() - 1);
                    }
                    Document entry = entries.get(position);
                    if (found == null && (entry != null || position <= reached)) {
                        auditChecked++;
                        found = compareAudit(same[i], entry, position);
                    }
                    checked++;
                }
                progress.accept(checked);
            }
        } finally {
            reader.shutdownNow();
        }
        if (found == null && range.size() < treeSize) {
            TreeStore.Leaf missing = tree.leaf(range.size(), treeSize).orElseThrow();
            found = new Divergence(Kind.ENTRY_MISSING, missing.position(), missing.index(),
                    "the ledger holds " + treeSize + " entries, the event store " + range.size());
        }
        for (long size : heads.keySet()) {
            if (found == null && size > range.size() && size <= treeSize) {
                found = new Divergence(Kind.ENTRY_MISSING, -1, size - 1, "a head was signed for " + size
                        + " entries; the event store holds " + range.size());
            }
        }
        return new Outcome(checked, Math.min(range.size(), treeSize), headsChecked, auditChecked,
                (System.nanoTime() - started) / 1e9, found);
    }

    private Divergence compare(TreeStore.Tile tile, long index, long treeSize, long position, byte[] leaf) {
        if (tile == null) {
            return new Divergence(Kind.ENTRY_ADDED, position, index, "the ledger has no tile for leaf " + index);
        }
        int offset = (int) (index & (TreeStore.TILE_WIDTH - 1));
        long recorded = tile.positions()[offset];
        if (position < recorded) {
            return new Divergence(Kind.ENTRY_ADDED, position, index, "the event store holds an event at " + position
                    + " that the ledger never had (its leaf " + index + " is the event at " + recorded + ")");
        }
        if (position > recorded) {
            return new Divergence(Kind.ENTRY_MISSING, recorded, index, "the ledger's leaf " + index
                    + " is the event at " + recorded + ", which the event store no longer holds");
        }
        if (MessageDigest.isEqual(tile.hash(offset), leaf)) {
            return null;
        }
        if (index + 1 < treeSize) {
            TreeStore.Leaf next = tree.leaf(index + 1, treeSize).orElse(null);
            if (next != null && MessageDigest.isEqual(next.hash(), leaf)) {
                return new Divergence(Kind.ENTRIES_REORDERED, position, index, "the event stored at " + position
                        + " is the one the ledger recorded at " + next.position());
            }
        }
        return new Divergence(Kind.ENTRY_CHANGED, position, index, "the event stored at " + position
                + " is not the one the ledger recorded (leaf " + MerkleHashes.hex(tile.hash(offset)) + ", now "
                + MerkleHashes.hex(leaf) + ")");
    }

    private Divergence checkHead(SignedTreeHead head, byte[] root, long position, long index) {
        if (!MessageDigest.isEqual(head.head().rootHash(), root)) {
            return new Divergence(Kind.HEAD_ROOT_DIFFERS, position, index, "the head signed for "
                    + head.head().treeSize() + " entries states root " + MerkleHashes.hex(head.head().rootHash())
                    + "; the events give " + MerkleHashes.hex(root));
        }
        if (!head.verifiedBy(key)) {
            return new Divergence(Kind.HEAD_SIGNATURE_INVALID, position, index, "the head of "
                    + head.head().treeSize() + " entries does not verify with the ledger's key");
        }
        return null;
    }

    private Document expectedEntry(TrackedEventMessage<?> message) {
        return AuditEntry.of(message, Fact.of(message), mapper.toDocument(message.getPayload())).toDocument();
    }

    /**
     * The stored entry against the one its event makes ({@code same}: equal as documents, the same fields with values
     * of the same types, the order of fields aside; compared with the batch's other work, on every core).
     */
    private Divergence compareAudit(boolean same, Document stored, long position) {
        if (stored == null) {
            return new Divergence(Kind.AUDIT_ENTRY_MISSING, position, null, "no audit entry for the event at "
                    + position);
        }
        if (!same) {
            return new Divergence(Kind.AUDIT_ENTRY_DIFFERS, position, null, "the audit entry at " + position
                    + " is not what its event makes");
        }
        return null;
    }

    /** A batch of stored events and the audit entries at and between their positions. */
    private record Read(List<EventLog.Verifiable> batch, Map<Long, Document> entries) {
    }

    private Read read(MongoCollection<Document> audit, long after) {
        List<EventLog.Verifiable> batch = events.readVerifiableAfter(after, BATCH);
        return new Read(batch, batch.isEmpty() ? Map.of() : auditEntries(audit, batch));
    }

    private static Read await(Future<Read> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The audit entries at the batch's positions and between them (an entry where no event is: extra). */
    private Map<Long, Document> auditEntries(MongoCollection<Document> audit, List<EventLog.Verifiable> batch) {
        long first = batch.get(0).stored().position();
        long last = batch.get(batch.size() - 1).stored().position();
        Map<Long, Document> entries = new HashMap<>();
        List<Long> positions = new ArrayList<>();
        for (long p = first; p <= last; p++) {
            positions.add(p);
        }
        for (Document entry : ReadModels.findByIds(audit, positions)) {
            entries.put(((Number) entry.get("_id")).longValue(), entry);
        }
        return entries;
    }

    /** An audit entry at a position where the batch has no event: the first one, or null. */
    static Long extraEntry(Map<Long, Document> entries, List<EventLog.Verifiable> batch) {
        Set<Long> stored = new HashSet<>();
        batch.forEach(v -> stored.add(v.stored().position()));
        return entries.keySet().stream().filter(p -> !stored.contains(p)).sorted().findFirst().orElse(null);
    }
}

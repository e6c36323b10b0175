package vn.thidua.query.export;

import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.MerkleProofs;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SubtreeHashes;
import vn.thidua.ledger.TreeHeadJson;
import vn.thidua.ledger.export.ConsistencyProof;
import vn.thidua.ledger.export.ExportLayout;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.ledger.AuditReached;
import vn.thidua.query.ledger.TreeStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree head an export is taken under, and what makes each of its rows checkable offline: the leaf of the row's
 * event (index, hash), its inclusion path to the head's root and its canonical form (the event as stored). The head is
 * the latest signed one when the export starts; an export holds only events it covers (up to
 * {@link Taken#throughPosition()}), except the awards registry, whose rows after it carry no proof.
 */
public final class LedgerStamp {

    /** The head an export is taken under, the last event it covers and the stamp to write. */
    public record Taken(SignedTreeHead head, long throughPosition, Map<String, String> stamp) {
        public long treeSize() {
            return head.head().treeSize();
        }
    }

    private final TreeStore tree;
    private final EventLog events;
    private final AuditReached auditReached;

    public LedgerStamp(TreeStore tree, EventLog events, AuditReached auditReached) {
        this.tree = tree;
        this.events = events;
        this.auditReached = auditReached;
    }

    /**
     * The latest signed head and the stamp of an export of {@code kind}: 503 while no head is signed yet, or (when
     * the rows come from the audit trail) while the audit trail has not reached the head's last event.
     *
     * @param consistencyFrom an earlier tree size the auditor holds a head of: the stamp then carries the consistency
     *                        proof from it to this head (null: none)
     */
    public Taken take(String kind, String filter, String takenBy, Long consistencyFrom, boolean complete,
                      boolean fromAuditTrail) {
        SignedTreeHead head = tree.latestHead().orElseThrow(() -> new QueryExceptions.NotYetAvailable(
                "Sổ cái chưa ký bản ghi cây nào (chưa có sự kiện, hoặc vừa khởi động); hãy thử lại sau ít giây"));
        long size = head.head().treeSize();
        long through = tree.leaf(size - 1, size).orElseThrow().position();
        if (fromAuditTrail && auditReached.getAsLong() < through) {
            throw new QueryExceptions.NotYetAvailable("Nhật ký kiểm toán chưa theo kịp bản ghi cây " + size
                    + " mục (đang dựng lại?); hãy thử lại sau ít giây");
        }
        if (consistencyFrom != null && consistencyFrom > size) {
            throw new QueryExceptions.InvalidParameter("consistencyFrom", "consistencyFrom phải từ 1 đến " + size
                    + " (số mục của bản ghi cây mới nhất)");
        }
        Map<String, String> stamp = new LinkedHashMap<>();
        stamp.put(ExportLayout.KIND, kind);
        stamp.put(ExportLayout.FILTER, filter);
        stamp.put(ExportLayout.TAKEN_AT, Instant.now().toString());
        stamp.put(ExportLayout.TAKEN_BY, takenBy);
        stamp.put(ExportLayout.TREE_HEAD, TreeHeadJson.toJson(head).toString());
        stamp.put(ExportLayout.THROUGH_POSITION, String.valueOf(through));
        stamp.put(ExportLayout.COMPLETE, String.valueOf(complete));
        if (consistencyFrom != null) {
            stamp.put(ExportLayout.CONSISTENCY, new ConsistencyProof(consistencyFrom, size,
                    MerkleProofs.consistency(consistencyFrom, size, tree.at(size))).toJson().toString());
        }
        return new Taken(head, through, stamp);
    }

    /**
     * The verifiable cells ({@link ExportLayout#VERIFIABLE}) of the events at {@code positions} (ascending) that the
     * head covers, by position. One tree view per call, with every subtree hash computed once: the paths of
     * neighbouring leaves share most of their nodes.
     */
    public Map<Long, List<Object>> cells(Taken taken, List<Long> positions) {
        long size = taken.treeSize();
        List<Long> covered = positions.stream().filter(p -> p <= taken.throughPosition()).toList();
        Map<Long, List<Object>> cells = new HashMap<>();
        if (covered.isEmpty()) {
            return cells;
        }
        TreeStore.View view = tree.at(size);
        SubtreeHashes memo = memoized(view);
        long first = events.firstPosition();
        for (EventLog.StoredForm form : events.readStoredFormsAt(covered)) {
            TreeStore.Leaf leaf = view.leafAt(form.position(), first).orElse(null);
            if (leaf == null) {
                continue; // not in the tree (a gap the ledger never saw): the row carries no proof
            }
            List<String> path = new ArrayList<>();
            MerkleProofs.inclusion(leaf.index(), size, memo).forEach(h -> path.add(MerkleHashes.hex(h)));
            cells.put(form.position(), Arrays.asList(leaf.index(), MerkleHashes.hex(leaf.hash()),
                    ExportLayout.pathCell(path), form.event().canonicalJson()));
        }
        return cells;
    }

    /** The empty verifiable cells of a row with no proof. */
    public static List<Object> none() {
        return Arrays.asList(null, null, null, null);
    }

    private static SubtreeHashes memoized(SubtreeHashes tree) {
        Map<String, byte[]> known = new HashMap<>();
        return (level, index) -> known.computeIfAbsent(level + "/" + index, key -> tree.hash(level, index));
    }
}

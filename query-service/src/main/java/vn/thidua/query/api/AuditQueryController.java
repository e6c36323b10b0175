package vn.thidua.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.projections.audit.AuditEntry;
import vn.thidua.projections.audit.AuditIndex;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.export.ExportLayout;
import vn.thidua.ledger.export.ExportWriter;
import vn.thidua.query.export.ExportResponse;
import vn.thidua.query.export.LedgerStamp;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.ledger.TreeStore;
import vn.thidua.service.security.Allowed;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.AUDITOR;

/**
 * The audit trail: every stored event, in the order of the event store, each entry with its leaf in the audit
 * ledger (index and hash, from the ledger's own tree: null for an event the ledger has not reached yet). Auditors and
 * administrators only.
 */
@RestController
@Allowed({AUDITOR, ADMIN})
public class AuditQueryController {

    /** An audit entry as answered: the entry, and its leaf in the ledger. */
    public static final class LedgeredEntry {
        @JsonUnwrapped
        public final AuditEntry entry;
        public final Long leafIndex;
        public final String leafHash;

        LedgeredEntry(AuditEntry entry, TreeStore.Leaf leaf) {
            this.entry = entry;
            this.leafIndex = leaf == null ? null : leaf.index();
            this.leafHash = leaf == null ? null : MerkleHashes.hex(leaf.hash());
        }
    }

    private final ReadModelQueries queries;
    private final TreeStore tree;
    private final EventLog events;
    private final LedgerStamp stamp;

    public AuditQueryController(ReadModelQueries queries, TreeStore tree, EventLog events, LedgerStamp stamp) {
        this.queries = queries;
        this.tree = tree;
        this.events = events;
        this.stamp = stamp;
    }

    /** The trail's filters, checked: the index keys they name and the time range. */
    private record Filter(String aggregateId, String actor, String type, String from, String to, List<String> keys,
                          Instant since, Instant until) {

        static Filter of(String aggregateId, String actor, String type, String from, String to) {
            aggregateId = QueryParameters.text("aggregateId", aggregateId);
            actor = QueryParameters.text("actor", actor);
            type = QueryParameters.text("type", type);
            Instant since = from == null ? null : QueryParameters.instant("from", from, false);
            Instant until = to == null ? null : QueryParameters.instant("to", to, true);
            List<String> keys = new ArrayList<>();
            if (aggregateId != null) {
                keys.add(AuditIndex.aggregateKey(aggregateId));
            }
            if (actor != null) {
                keys.add(AuditIndex.actorKey(actor));
            }
            if (type != null) {
                keys.add(AuditIndex.typeKey(type));
            }
            return new Filter(aggregateId, actor, type, from, to, keys, since, until);
        }

        boolean none() {
            return keys.isEmpty() && since == null && until == null;
        }

        String text() {
            return ExportResponse.filter(ExportResponse.parameters("aggregateId", aggregateId, "actor", actor,
                    "type", type, "from", from, "to", to));
        }
    }

    /**
     * Filters: aggregateId, actor (actor id), type (event type, e.g. AwardGranted), from and to (an instant such as
     * 2020-07-10T00:00:00Z, or a date, taken in Vietnam time; {@code to} is exclusive for instants and includes the
     * whole day for dates). Ordered by global position.
     */
    @GetMapping("/api/audit")
    public Page<LedgeredEntry> audit(@RequestParam(required = false) String aggregateId,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        Filter filter = Filter.of(aggregateId, actor, type, from, to);
        Page<AuditEntry> entries;
        if (!filter.keys().isEmpty()) {
            entries = queries.auditByKeys(filter.keys(), filter.since(), filter.until(), PageRequest.of(page, size));
        } else if (!filter.none()) {
            entries = queries.auditBetween(filter.since(), filter.until(), PageRequest.of(page, size));
        } else {
            entries = queries.auditAll(PageRequest.of(page, size));
        }
        return ledgered(entries);
    }

    /**
     * The audit trail as CSV or XLSX ({@code format}), with the same filters, stamped with the latest signed tree head
     * and holding the entries it covers, each with its leaf, inclusion path and canonical form (README, "For
     * auditors"; layout: {@link ExportLayout}). Without a filter the export is every leaf of that tree, in order
     * ({@code complete}). {@code consistencyFrom}: the size of a head the auditor kept, to get the consistency proof
     * from it in the stamp.
     */
    @GetMapping("/api/audit/export")
    public void export(@RequestParam(required = false) String format,
                       @RequestParam(required = false) String aggregateId,
                       @RequestParam(required = false) String actor,
                       @RequestParam(required = false) String type,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       @RequestParam(required = false) String consistencyFrom,
                       Principal user, HttpServletResponse response) throws IOException {
        ExportLayout.Format chosen = ExportResponse.format(format);
        Filter filter = Filter.of(aggregateId, actor, type, from, to);
        Long since = QueryParameters.number("consistencyFrom", consistencyFrom, 1, Long.MAX_VALUE);
        try (ExportResponse.Slot running = ExportResponse.slot()) {
            LedgerStamp.Taken taken = stamp.take("audit", filter.text(), ExportResponse.user(user), since,
                    filter.none(), true);
            List<Long> positions = filter.none() ? null : queries.auditPositions(filter.keys(), filter.since(),
                    filter.until()).stream().filter(p -> p <= taken.throughPosition()).toList();
            ExportWriter out = ExportResponse.open(response, chosen, "thidua-audit", taken, EXPORT_COLUMNS);
            List<List<Long>> chunks = new ArrayList<>();
            if (positions == null) {
                for (long first = 0; first < taken.treeSize(); first += ExportResponse.CHUNK) {
                    chunks.add(List.of(first)); // the chunk's first leaf: its positions are read with the rest
                }
            } else {
                for (int i = 0; i < positions.size(); i += ExportResponse.CHUNK) {
                    chunks.add(positions.subList(i, Math.min(positions.size(), i + ExportResponse.CHUNK)));
                }
            }
            ExportResponse.pipelined(chunks, chunk -> auditRows(taken, positions == null
                    ? leafPositions(taken, chunk.get(0)) : chunk), rows -> rows.forEach(out::row));
            out.finish();
        }
    }

    /** The positions of the leaves of one chunk, from its first: one tree view per chunk, so tiles are not kept. */
    private List<Long> leafPositions(LedgerStamp.Taken taken, long first) {
        TreeStore.View leaves = tree.at(taken.treeSize());
        List<Long> chunk = new ArrayList<>(ExportResponse.CHUNK);
        for (long i = first; i < Math.min(taken.treeSize(), first + ExportResponse.CHUNK); i++) {
            chunk.add(leaves.leaf(i).orElseThrow().position());
        }
        return chunk;
    }

    static final List<ExportLayout.Column> EXPORT_COLUMNS = ExportResponse.eventTable(
            new ExportLayout.Column("correlationId", "Mã tương quan"),
            new ExportLayout.Column("description", "Mô tả"));

    /** The rows of the entries at these positions: each entry's columns and its verifiable cells. */
    private List<List<Object>> auditRows(LedgerStamp.Taken taken, List<Long> positions) {
        Map<Long, AuditEntry> entries = new HashMap<>();
        queries.auditEntriesAt(positions).forEach(e -> entries.put(e.id(), e));
        Map<Long, List<Object>> cells = stamp.cells(taken, positions);
        List<List<Object>> rows = new ArrayList<>(positions.size());
        for (long position : positions) {
            AuditEntry e = entries.get(position);
            List<Object> own = e == null ? Arrays.asList(position, null, null, null, null, null, null, null, null,
                    null, null, null) : Arrays.asList(position, e.timestamp().toString(), e.type(), e.aggregateType(),
                    e.aggregateId(), e.sequence(), e.eventId(), e.actorId(), e.actorRole(), e.actorUnit(),
                    e.correlationId(), e.description());
            rows.add(ExportResponse.row(own, cells.get(position)));
        }
        return rows;
    }

    private Page<LedgeredEntry> ledgered(Page<AuditEntry> entries) {
        TreeStore.View ledger = tree.at(tree.state().size());
        long first = events.firstPosition();
        return new Page<>(entries.items().stream().map(e -> new LedgeredEntry(e,
                        ledger.leafAt(e.id(), first).orElse(null))).toList(), entries.page(), entries.size(),
                entries.total());
    }
}

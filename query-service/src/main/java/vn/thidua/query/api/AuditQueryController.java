package vn.thidua.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.projections.audit.AuditEntry;
import vn.thidua.projections.audit.AuditIndex;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.ledger.TreeStore;
import vn.thidua.service.security.Allowed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    public AuditQueryController(ReadModelQueries queries, TreeStore tree, EventLog events) {
        this.queries = queries;
        this.tree = tree;
        this.events = events;
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
        Page<AuditEntry> entries;
        if (!keys.isEmpty()) {
            entries = queries.auditByKeys(keys, since, until, PageRequest.of(page, size));
        } else if (since != null || until != null) {
            entries = queries.auditBetween(since, until, PageRequest.of(page, size));
        } else {
            entries = queries.auditAll(PageRequest.of(page, size));
        }
        return ledgered(entries);
    }

    private Page<LedgeredEntry> ledgered(Page<AuditEntry> entries) {
        TreeStore.View ledger = tree.at(tree.state().size());
        long first = events.firstPosition();
        return new Page<>(entries.items().stream().map(e -> new LedgeredEntry(e,
                        ledger.leafAt(e.id(), first).orElse(null))).toList(), entries.page(), entries.size(),
                entries.total());
    }
}

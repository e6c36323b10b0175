package vn.thidua.query.ledger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.MerkleProofs;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SigningKeys;
import vn.thidua.ledger.TreeHeadJson;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.query.feed.EventLog;
import vn.thidua.service.security.Allowed;

import java.util.List;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.APPROVER;
import static vn.thidua.domain.common.Role.AUDITOR;
import static vn.thidua.domain.common.Role.COUNCIL;
import static vn.thidua.domain.common.Role.INSPECTOR;
import static vn.thidua.domain.common.Role.INTEGRATION;
import static vn.thidua.domain.common.Role.ORGANIZER;
import static vn.thidua.domain.common.Role.UNIT;

/**
 * The audit ledger for auditors: the key that signs tree heads, the signed heads, an entry's leaf (its canonical
 * form and hash), and RFC 9162 inclusion and consistency proofs, each against a tree size that a signed head
 * states (the latest one unless asked). What each proves is in the README ("For auditors").
 */
@RestController
@Allowed({AUDITOR, ADMIN})
public class LedgerController {

    /** The most heads one answer lists. */
    static final int MAX_HEADS = 1000;

    private final TreeStore tree;
    private final EventLog events;
    private final LedgerKeys keys;

    public LedgerController(TreeStore tree, EventLog events, LedgerKeys keys) {
        this.tree = tree;
        this.events = events;
        this.keys = keys;
    }

    /** The public key that verifies every head, with its id; not a secret, so every role may read it. */
    @GetMapping("/api/audit/public-key")
    @Allowed({ORGANIZER, UNIT, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN, INTEGRATION})
    public ObjectNode publicKey() {
        return JsonNodeFactory.instance.objectNode().put("algorithm", SigningKeys.ALGORITHM)
                .put("keyId", keys.keyId()).put("pem", keys.publicPem());
    }

    /** The same key as a PEM file ({@code curl … > ledger.pub.pem}). */
    @GetMapping(value = "/api/audit/public-key.pem", produces = "application/x-pem-file")
    @Allowed({ORGANIZER, UNIT, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN, INTEGRATION})
    public String publicKeyPem() {
        return keys.publicPem();
    }

    @GetMapping("/api/audit/tree-heads/latest")
    public ObjectNode latestHead() {
        return TreeHeadJson.toJson(latest());
    }

    @GetMapping("/api/audit/tree-heads/{treeSize}")
    public ObjectNode head(@PathVariable String treeSize) {
        long size = QueryParameters.number("treeSize", treeSize, 0, Long.MAX_VALUE);
        return TreeHeadJson.toJson(tree.head(size).orElseThrow(() ->
                new QueryExceptions.NotFound("bản ghi cây đã ký", String.valueOf(size))));
    }

    /** Signed heads of trees larger than {@code after}, smallest first, at most {@code limit} (100; up to 1,000). */
    @GetMapping("/api/audit/tree-heads")
    public ArrayNode heads(@RequestParam(defaultValue = "0") String after,
                           @RequestParam(defaultValue = "100") String limit) {
        long from = QueryParameters.number("after", after, 0, Long.MAX_VALUE);
        int count = QueryParameters.number("limit", limit, 1, MAX_HEADS).intValue();
        ArrayNode answer = JsonNodeFactory.instance.arrayNode();
        tree.headsAfter(from, count).forEach(h -> answer.add(TreeHeadJson.toJson(h)));
        return answer;
    }

    /** The leaf of the event at {@code position}: its index in the tree, its hash and its canonical form. */
    @GetMapping("/api/audit/leaves/{position}")
    public ObjectNode leaf(@PathVariable("position") String text) {
        long position = QueryParameters.number("position", text, 0, Long.MAX_VALUE);
        long size = tree.state().size();
        TreeStore.Leaf leaf = leafAt(tree.at(size), position, size);
        List<EventLog.StoredForm> stored = events.readStoredFormsAfter(position - 1, 1);
        if (stored.isEmpty() || stored.get(0).position() != position) {
            throw new QueryExceptions.NotFound("sự kiện ở vị trí", String.valueOf(position));
        }
        return JsonNodeFactory.instance.objectNode().put("position", position).put("leafIndex", leaf.index())
                .put("leafHash", MerkleHashes.hex(leaf.hash()))
                .put("canonicalForm", stored.get(0).event().canonicalJson());
    }

    /**
     * The inclusion proof (RFC 9162 2.1.3) of the event at {@code position} in the tree of {@code treeSize} leaves
     * (the latest signed head's unless given), with that head when one was signed at that size.
     */
    @GetMapping("/api/audit/proofs/inclusion")
    public ObjectNode inclusion(@RequestParam(required = false) String position,
                                @RequestParam(required = false) String treeSize) {
        Long at = QueryParameters.number("position", position, 0, Long.MAX_VALUE);
        if (at == null) {
            throw new QueryExceptions.InvalidParameter("position", "Cần position: vị trí của sự kiện");
        }
        Long asked = QueryParameters.number("treeSize", treeSize, 1, Long.MAX_VALUE);
        long size = asked == null ? latest().head().treeSize() : asked;
        checkSize("treeSize", size);
        return inclusion(at, size);
    }

    private ObjectNode inclusion(long position, long size) {
        TreeStore.View nodes = tree.at(size);
        TreeStore.Leaf leaf = leafAt(nodes, position, size);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("position", position)
                .put("leafIndex", leaf.index()).put("treeSize", size)
                .put("leafHash", MerkleHashes.hex(leaf.hash()));
        ArrayNode path = answer.putArray("path");
        MerkleProofs.inclusion(leaf.index(), size, nodes).forEach(h -> path.add(MerkleHashes.hex(h)));
        answer.put("rootHash", MerkleHashes.hex(MerkleProofs.root(size, nodes)));
        tree.head(size).ifPresent(h -> answer.set("treeHead", TreeHeadJson.toJson(h)));
        return answer;
    }

    /**
     * The consistency proof (RFC 9162 2.1.4) from the tree of {@code first} leaves to the tree of {@code second}
     * (the latest signed head's unless given).
     */
    @GetMapping("/api/audit/proofs/consistency")
    public ObjectNode consistency(@RequestParam(required = false) String first,
                                  @RequestParam(required = false) String second) {
        Long from = QueryParameters.number("first", first, 1, Long.MAX_VALUE);
        if (from == null) {
            throw new QueryExceptions.InvalidParameter("first", "Cần first: số mục của cây trước");
        }
        Long asked = QueryParameters.number("second", second, 1, Long.MAX_VALUE);
        long to = asked == null ? latest().head().treeSize() : asked;
        checkSize("second", to);
        if (from > to) {
            throw new QueryExceptions.InvalidParameter("first", "first phải từ 1 đến " + to);
        }
        return consistency(from, to);
    }

    private ObjectNode consistency(long first, long to) {
        TreeStore.View nodes = tree.at(to);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("first", first).put("second", to)
                .put("firstRootHash", MerkleHashes.hex(MerkleProofs.root(first, nodes)))
                .put("secondRootHash", MerkleHashes.hex(MerkleProofs.root(to, nodes)));
        ArrayNode proof = answer.putArray("proof");
        MerkleProofs.consistency(first, to, nodes).forEach(h -> proof.add(MerkleHashes.hex(h)));
        return answer;
    }

    private SignedTreeHead latest() {
        return tree.latestHead().orElseThrow(() -> new QueryExceptions.NotFound("bản ghi cây đã ký", "latest"));
    }

    private void checkSize(String parameter, long size) {
        long built = tree.state().size();
        if (size < 1 || size > built) {
            throw new QueryExceptions.InvalidParameter(parameter, parameter + " phải từ 1 đến " + built
                    + " (số mục cây đã có)");
        }
    }

    private TreeStore.Leaf leafAt(TreeStore.View view, long position, long size) {
        return view.leafAt(position, events.firstPosition()).orElseThrow(() ->
                new QueryExceptions.NotFound("mục nhật ký ở vị trí", position + " (trong cây " + size + " mục)"));
    }
}

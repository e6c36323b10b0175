package vn.thidua.ledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.thidua.ledger.MerkleHashes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9162 consistency proof between the trees of {@code first} and {@code second} leaves, as the API answers it
 * ({@code /api/audit/proofs/consistency}) and an export's stamp carries it: {@code first}, {@code second} and
 * {@code proof} (hex hashes). The roots a proof is checked against come from signed heads, never from the proof's
 * own document.
 */
public record ConsistencyProof(long first, long second, List<byte[]> proof) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A consistency proof has at most about two hashes per level of a tree of 2^63 leaves. */
    static final int MAX_HASHES = 130;

    public ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode().put("first", first).put("second", second);
        proof.forEach(h -> json.withArray("proof").add(MerkleHashes.hex(h)));
        if (proof.isEmpty()) {
            json.putArray("proof");
        }
        return json;
    }

    /** Reads a proof; IllegalArgumentException when a field is missing or wrong. */
    public static ConsistencyProof fromJson(JsonNode json) {
        if (json == null || !json.path("first").canConvertToLong() || !json.path("second").canConvertToLong()
                || !json.path("proof").isArray() || json.path("proof").size() > MAX_HASHES) {
            throw new IllegalArgumentException("not a consistency proof: it needs first, second and proof (hex)");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode h : json.get("proof")) {
            hashes.add(MerkleHashes.fromHex(h.asText()));
        }
        return new ConsistencyProof(json.get("first").asLong(), json.get("second").asLong(), hashes);
    }

    public static ConsistencyProof fromJson(String text) {
        try {
            return fromJson(JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a consistency proof (JSON): " + e.getMessage(), e);
        }
    }
}

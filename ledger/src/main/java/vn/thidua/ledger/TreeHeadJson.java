package vn.thidua.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed tree head as the platform serves it and an auditor saves it: {@code treeSize}, {@code rootHash} (hex),
 * {@code timestamp} (ISO-8601) and {@code timestampMillis} (what was signed), {@code keyId}, {@code algorithm} and
 * {@code signature} (Base64).
 */
public final class TreeHeadJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TreeHeadJson() {
    }

    public static ObjectNode toJson(SignedTreeHead signed) {
        TreeHead head = signed.head();
        return JSON.createObjectNode()
                .put("treeSize", head.treeSize())
                .put("rootHash", MerkleHashes.hex(head.rootHash()))
                .put("timestamp", head.timestamp().toString())
                .put("timestampMillis", head.timestamp().toEpochMilli())
                .put("keyId", signed.keyId())
                .put("algorithm", SigningKeys.ALGORITHM)
                .put("signature", Base64.getEncoder().encodeToString(signed.signature()));
    }

    /** Reads a head saved from the platform; refused (IllegalArgumentException) when a field is missing or wrong. */
    public static SignedTreeHead fromJson(JsonNode json) {
        try {
            return new SignedTreeHead(new TreeHead(required(json, "treeSize").asLong(),
                    MerkleHashes.fromHex(required(json, "rootHash").asText()),
                    Instant.ofEpochMilli(required(json, "timestampMillis").asLong())),
                    required(json, "keyId").asText(),
                    Base64.getDecoder().decode(required(json, "signature").asText()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a signed tree head: " + e.getMessage(), e);
        }
    }

    public static SignedTreeHead fromJson(String json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a signed tree head (JSON): " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }
}

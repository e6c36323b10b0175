package vn.thidua.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A stored event in the one form its leaf hash is taken over: a JSON object of the event as the store holds it
 * (before any upcaster): {@code eventId}, {@code payloadType}, {@code revision}, {@code aggregateType},
 * {@code aggregateId}, {@code sequence}, {@code timestamp} (ISO-8601, UTC), {@code metaData} and {@code payload} (the
 * stored JSON), canonicalized by RFC 8785 (JCS: members sorted by their UTF-16 code units, no whitespace, numbers and
 * strings in one spelling), in UTF-8. Anyone holding the event can compute the same bytes with any JCS
 * implementation; the leaf hash is RFC 9162's {@code SHA-256(0x00 || bytes)}.
 */
public record CanonicalEvent(String eventId, String payloadType, String revision, String aggregateType,
                             String aggregateId, Long sequence, Instant timestamp, byte[] metaData, byte[] payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The canonical JSON's UTF-8 bytes. */
    public byte[] canonicalBytes() {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId);
        event.put("payloadType", payloadType);
        event.put("revision", revision);
        event.put("aggregateType", aggregateType);
        event.put("aggregateId", aggregateId);
        event.put("sequence", sequence);
        event.put("timestamp", timestamp == null ? null : timestamp.toString());
        event.set("metaData", parse(metaData, "metaData"));
        event.set("payload", parse(payload, "payload"));
        try {
            return canonicalize(JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String canonicalJson() {
        return new String(canonicalBytes(), StandardCharsets.UTF_8);
    }

    public byte[] leafHash() {
        return MerkleHashes.leaf(canonicalBytes());
    }

    /** RFC 8785 of any JSON text; refused (IllegalArgumentException) if it is not JSON. */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON that RFC 8785 can canonicalize: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(byte[] json, String what) {
        if (json == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored " + what + " is not JSON: " + e.getMessage(), e);
        }
    }
}

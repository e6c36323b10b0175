package vn.thidua.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.ByteArrayOutputStream;
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

    /**
     * Reads the stored JSON whole: a value followed by anything else is not JSON (a reader that stops after the first
     * value would give bytes appended to a stored payload the leaf of the payload before them).
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The canonical JSON's UTF-8 bytes. */
    public byte[] canonicalBytes() {
        byte[] composed = composed();
        return composed != null ? composed : generic();
    }

    /** The canonical form the general way: the whole object built, written, and canonicalized by RFC 8785. */
    byte[] generic() {
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

    /** Exact in a double, so JCS writes a whole number as its digits. */
    private static final long EXACT = 1L << 53;

    /**
     * The same bytes composed from the parts, with half the work (the generic way parsed and wrote the payload twice:
     * a quarter of a verification's CPU, JFR): RFC 8785 is compositional (an object is its members sorted by name,
     * each value in its canonical form), so the payload and the metadata are canonicalized on their own and the other
     * members, which the platform always writes in printable ASCII, are spelled as JCS spells them: a whole number
     * as its digits, a string quoted with {@code "} and {@code \} escaped. Null, and the generic way taken, for
     * anything else: a string with another character, a sequence beyond 2^53, a payload or metadata the canonicalizer
     * refuses. {@code CanonicalEventTest} holds both ways equal.
     */
    byte[] composed() {
        String time = timestamp == null ? null : timestamp.toString();
        for (String text : new String[]{aggregateId, aggregateType, eventId, payloadType, revision, time}) {
            if (text != null && !printableAscii(text)) {
                return null;
            }
        }
        if (sequence != null && (sequence >= EXACT || sequence <= -EXACT)) {
            return null;
        }
        byte[] meta = canonicalPart(metaData);
        byte[] data = canonicalPart(payload);
        if (meta == null || data == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + meta.length + 320);
        ascii(out, "{\"aggregateId\":" + quoted(aggregateId) + ",\"aggregateType\":" + quoted(aggregateType)
                + ",\"eventId\":" + quoted(eventId) + ",\"metaData\":");
        out.writeBytes(meta);
        ascii(out, ",\"payload\":");
        out.writeBytes(data);
        ascii(out, ",\"payloadType\":" + quoted(payloadType) + ",\"revision\":" + quoted(revision)
                + ",\"sequence\":" + (sequence == null ? "null" : Long.toString(sequence)) + ",\"timestamp\":"
                + quoted(time) + "}");
        return out.toByteArray();
    }

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** A stored JSON value in its canonical form ({@code null} for none); null when the canonicalizer refuses it. */
    private static byte[] canonicalPart(byte[] json) {
        if (json == null) {
            return NULL;
        }
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** A printable ASCII string as JCS writes it. */
    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
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

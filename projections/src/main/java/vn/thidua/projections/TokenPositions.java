package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each segment of a processor stands, read from the token store without claiming anything: with several
 * query-service nodes a processor's own status shows only the segments this node holds, while what the read models
 * have applied is the position of the slowest segment, whichever node holds it. Reads the documents Axon's
 * {@code MongoTokenStore} writes (fields {@code processorName}, {@code segment}, {@code token}, {@code tokenType},
 * {@code owner}, {@code timestamp}) through Axon's own token entry and the token store's serializer.
 */
public final class TokenPositions {

    /** One segment's stored token: its position (-1 before the first event) and the node holding it, if any. */
    public record SegmentPosition(int segment, long position, String owner) {
    }

    private TokenPositions() {
    }

    /** The processor's segments, by segment id; none before the processor first ran. */
    public static Map<Integer, SegmentPosition> of(MongoDatabase database, Serializer serializer, String processor) {
        Map<Integer, SegmentPosition> segments = new TreeMap<>();
        for (Document d : database.getCollection(ReadModels.TOKENS).find(Filters.eq("processorName", processor))) {
            int segment = d.getInteger("segment");
            Binary data = d.get("token", Binary.class);
            TrackingToken token = data == null ? null : new GenericTokenEntry<>(data.getData(),
                    d.getString("tokenType"), Instant.ofEpochMilli(d.getLong("timestamp")).toString(),
                    d.getString("owner"), processor, segment, byte[].class).getToken(serializer);
            long position = token == null ? -1 : token.position().orElse(-1);
            segments.put(segment, new SegmentPosition(segment, position, d.getString("owner")));
        }
        return segments;
    }

    /** What every segment has applied: the lowest segment's position, -1 when it has none. */
    public static long lowest(Map<Integer, SegmentPosition> segments) {
        return segments.values().stream().mapToLong(SegmentPosition::position).min().orElse(-1);
    }
}

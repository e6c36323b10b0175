package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every read model (and the progress mark) as its exact BSON bytes, by collection, in _id order. */
public final class ReadModelDump {

    public static final List<String> COLLECTIONS = List.of(ReadModels.CAMPAIGNS, ReadModels.PARTICIPANTS,
            ReadModels.PROPOSALS, ReadModels.AWARDS, ReadModels.AUDIT, ReadModels.PROGRESS);

    private ReadModelDump() {
    }

    public static Map<String, List<String>> of(MongoDatabase database) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String name : COLLECTIONS) {
            all.put(name, database.getCollection(name, RawBsonDocument.class).find().sort(new Document("_id", 1))
                    .map(ReadModelDump::bytes).into(new ArrayList<>()));
        }
        return all;
    }

    /** The first difference between two dumps, decoded as JSON, or null when they are equal. */
    public static String difference(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        for (String name : COLLECTIONS) {
            List<String> e = expected.getOrDefault(name, List.of());
            List<String> a = actual.getOrDefault(name, List.of());
            for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
                String left = i < e.size() ? e.get(i) : null;
                String right = i < a.size() ? a.get(i) : null;
                if (left == null || !left.equals(right)) {
                    return name + "[" + i + "] of " + e.size() + "/" + a.size() + ":\n  expected " + json(left)
                            + "\n  actual   " + json(right);
                }
            }
        }
        return null;
    }

    private static String json(String base64) {
        return base64 == null ? "(none)" : new RawBsonDocument(Base64.getDecoder().decode(base64)).toJson();
    }

    private static String bytes(RawBsonDocument d) {
        ByteBuffer buffer = d.getByteBuffer().asNIO();
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return Base64.getEncoder().encodeToString(copy);
    }
}

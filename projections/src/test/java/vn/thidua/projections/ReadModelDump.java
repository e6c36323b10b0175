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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every read model (and the progress marks) as its exact BSON bytes, by collection, in _id order; and the key index as
 * each key's sorted entries (the order within a bucket is the order segments happened to write in, which means
 * nothing).
 */
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
        all.put(ReadModels.KEY_INDEX, index(database).entrySet().stream()
                .map(e -> new Document("_id", e.getKey()).append("entries", e.getValue()).toJson()).toList());
        return all;
    }

    /** The key index as it lists documents: by collection and key ({@code <collection>|<key>}), sorted entries. */
    public static Map<String, List<String>> index(MongoDatabase database) {
        Map<String, TreeSet<String>> keys = new TreeMap<>();
        for (Document bucket : database.getCollection(ReadModels.KEY_INDEX).find()) {
            String id = bucket.getString("_id");
            if (KeyIndex.LAYOUT_ID.equals(id)) {
                continue;
            }
            TreeSet<String> entries = keys.computeIfAbsent(id.substring(0, id.lastIndexOf('#')), k -> new TreeSet<>());
            entries.addAll(bucket.getList("entries", String.class));
        }
        Map<String, List<String>> index = new TreeMap<>();
        keys.forEach((key, entries) -> {
            if (!entries.isEmpty()) {
                index.put(key, new ArrayList<>(entries));
            }
        });
        return index;
    }

    /** The first difference between two dumps, decoded as JSON, or null when they are equal. */
    public static String difference(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        for (String name : expected.keySet()) {
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
        if (base64 == null) {
            return "(none)";
        }
        // the key index is dumped as JSON already; Base64 never starts with a brace
        return base64.startsWith("{") ? base64 : new RawBsonDocument(Base64.getDecoder().decode(base64)).toJson();
    }

    private static String bytes(RawBsonDocument d) {
        ByteBuffer buffer = d.getByteBuffer().asNIO();
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return Base64.getEncoder().encodeToString(copy);
    }
}

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

    private static String bytes(RawBsonDocument d) {
        ByteBuffer buffer = d.getByteBuffer().asNIO();
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return Base64.getEncoder().encodeToString(copy);
    }
}

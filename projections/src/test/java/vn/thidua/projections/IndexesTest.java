package vn.thidua.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models' secondary indexes: declared for MongoDB, dropped for the embedded store, kept through a replay. */
class IndexesTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase database;

    IndexesTest() {
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("indexes");
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    private List<String> indexNames(String collection) {
        List<String> names = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(d -> names.add(d.getString("name")));
        return names;
    }

    @Test
    void aReplayKeepsTheIndexesACollectionHad() {
        Projections.createIndexes(database);
        database.getCollection(ReadModels.AUDIT).insertOne(new Document("_id", 1L));
        List<String> before = indexNames(ReadModels.AUDIT);
        assertThat(before).contains("aggregateId_1", "type_1");

        Projections.recreate(database, ReadModels.AUDIT);

        assertThat(indexNames(ReadModels.AUDIT)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(database.getCollection(ReadModels.AUDIT).countDocuments()).isZero();
    }

    @Test
    void theEmbeddedStoreKeepsOnlyItsIdIndexes() {
        Projections.createIndexes(database);
        database.getCollection(ReadModels.CAMPAIGNS).insertOne(new Document("_id", "c"));

        Projections.dropSecondaryIndexes(database);
        Projections.dropSecondaryIndexes(database); // idempotent

        for (String collection : List.of(ReadModels.CAMPAIGNS, ReadModels.PARTICIPANTS, ReadModels.PROPOSALS,
                ReadModels.AWARDS, ReadModels.AUDIT)) {
            assertThat(indexNames(collection)).as(collection).allMatch("_id_"::equals);
        }
        Projections.recreate(database, ReadModels.CAMPAIGNS);
        assertThat(indexNames(ReadModels.CAMPAIGNS)).allMatch("_id_"::equals);
    }
}

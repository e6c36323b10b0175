package vn.thidua.standalone;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded read-model store's backend, on its file. */
class CommandAtomicH2BackendTest {

    /**
     * A file written by the stock H2 backend (its indexes ordered by serialized bytes) opens with this backend: every
     * document is found by its id, a duplicate id is still refused, and so after a second restart.
     */
    @Test
    void aFileOfTheStockBackendOpensWithItsIndexesReordered(@TempDir Path dir) {
        Path file = dir.resolve("read-models.mv");
        H2Backend stock = new H2Backend(file.toString());
        withServer(stock, entries -> {
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                many.add(new Document("_id", "doc-" + i).append("n", i));
            }
            entries.insertMany(many);
            entries.createIndex(new Document("n", 1), new IndexOptions().unique(true));
        });
        for (int restart = 0; restart < 2; restart++) {
            withServer(CommandAtomicH2Backend.open(file.toString()), entries -> {
                for (int i = 0; i < 2_000; i += 7) {
                    assertThat(entries.find(Filters.eq("_id", "doc-" + i)).first()).containsEntry("n", i);
                }
                assertThat(entries.countDocuments()).isEqualTo(2_000);
                assertThatThrownBy(() -> entries.insertOne(new Document("_id", "doc-5")))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> entries.insertOne(new Document("_id", "other").append("n", 5)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            });
        }
    }

    private static void withServer(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("t").getCollection("entries"));
        } finally {
            server.shutdown();
        }
    }
}

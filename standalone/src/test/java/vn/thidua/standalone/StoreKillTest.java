package vn.thidua.standalone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model store's promise under {@code kill -9}, alone, without the platform: a child JVM runs writers that each
 * do what a projection's batch does (write new documents, rewrite big index documents, then raise its token), and is
 * killed at a random instant; the file, reopened, holds for every writer all the documents its token covers.
 */
class StoreKillTest {

    static final int WRITERS = 4;
    static final int KILLS = 5;

    @Test
    void aTokenNeverCoversDocumentsTheFileLost(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("read-models.mv");
        Random random = new Random();
        for (int kill = 1; kill <= KILLS; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Writer.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("writing"));
                assertThat(line).as("child started writing").isNotNull();
                Thread.sleep(300 + random.nextInt(1_200)); // several commits in, at a random instant
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(withStore(file, StoreKillTest::missing))
                    .as("documents a token covers, missing after kill %d", kill).isNull();
        }
        // the kills fell on written rounds, not on an empty file
        assertThat(withStore(file, StoreKillTest::tokens)).allSatisfy(token -> assertThat(token).isGreaterThan(10));
    }

    /**
     * What the store holds short of its tokens (by writer: the campaign's round, its participants and proposals, each
     * of which must have reached the writer's token), or null when nothing is missing.
     */
    static String missing(MongoDatabase db) {
        StringBuilder missing = new StringBuilder();
        List<Long> tokens = tokens(db);
        for (int w = 0; w < WRITERS; w++) {
            long token = tokens.get(w);
            Document campaign = db.getCollection("campaigns").find(Filters.eq("_id", "c-" + w)).first();
            long campaignRound = campaign == null ? 0 : campaign.getLong("n");
            long participants = db.getCollection("participants").countDocuments(Filters.eq("writer", w));
            long proposals = db.getCollection("proposals").countDocuments(Filters.eq("writer", w));
            if (campaignRound < token || participants < token || proposals < token) {
                missing.append(String.format("writer %d: token %d, campaign at %d, %d participants, %d proposals; ",
                        w, token, campaignRound, participants, proposals));
            }
        }
        return missing.isEmpty() ? null : missing.toString();
    }

    static List<Long> tokens(MongoDatabase db) {
        List<Long> tokens = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Document token = db.getCollection("tokens").find(Filters.eq("_id", "token-" + w)).first();
            tokens.add(token == null ? 0 : token.getLong("n"));
        }
        return tokens;
    }

    /** Opens the file as the platform does ({@link EmbeddedMongo}), in this JVM, for one look. */
    static <T> T withStore(Path file, Function<MongoDatabase, T> look) {
        try (EmbeddedMongo store = EmbeddedMongo.start(file, 0); MongoClient client = MongoClients.create(store.uri())) {
            return look.apply(client.getDatabase("t"));
        }
    }

    /** The child: writers going on until killed. */
    public static final class Writer {

        public static void main(String[] args) throws Exception {
            EmbeddedMongo store = EmbeddedMongo.start(Path.of(args[0]), 0);
            MongoClient client = MongoClients.create(store.uri());
            MongoDatabase db = client.getDatabase("t");
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                long from = tokens(db).get(w) + 1;
                threads.add(new Thread(() -> write(db, writer, from)));
            }
            System.out.println("writing");
            System.out.flush();
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        }

        /**
         * Round after round, in the order a batch flushes ({@code DocumentBatch}): big index documents rewritten, a
         * document rewritten, two new documents, then the writer's token raised to the round.
         */
        static void write(MongoDatabase db, int writer, long from) {
            Random random = new Random(writer);
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            BulkWriteOptions ordered = new BulkWriteOptions().ordered(true);
            for (long n = from; ; n++) {
                List<WriteModel<Document>> index = new ArrayList<>();
                for (int b = 0; b < 3; b++) {
                    String bucket = "bucket-" + writer + "-" + random.nextInt(8);
                    index.add(new ReplaceOneModel<>(Filters.eq("_id", bucket), new Document("_id", bucket)
                            .append("entries", "x".repeat(2_000 + random.nextInt(20_000))), upsert));
                }
                db.getCollection("index").bulkWrite(index, ordered);
                db.getCollection("campaigns").bulkWrite(List.of(new ReplaceOneModel<>(Filters.eq("_id", "c-" + writer),
                        new Document("_id", "c-" + writer).append("writer", writer).append("n", n)
                                .append("padding", "c".repeat(5_000)), upsert)), ordered);
                db.getCollection("participants").bulkWrite(List.of(new ReplaceOneModel<>(
                        Filters.eq("_id", "p-" + writer + "-" + n), new Document("_id", "p-" + writer + "-" + n)
                                .append("writer", writer).append("n", n), upsert)), ordered);
                db.getCollection("proposals").bulkWrite(List.of(new ReplaceOneModel<>(
                        Filters.eq("_id", "q-" + writer + "-" + n), new Document("_id", "q-" + writer + "-" + n)
                                .append("writer", writer).append("n", n), upsert)), ordered);
                db.getCollection("tokens").bulkWrite(List.of(new UpdateOneModel<>(
                        Filters.eq("_id", "token-" + writer), Updates.set("n", n),
                        new UpdateOptions().upsert(true))), ordered);
            }
        }
    }
}

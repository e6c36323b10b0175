package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.thidua.demo.DemoScenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key index lists each document under exactly the keys its read model declares for it now, in its order: no
 * entry left behind when a document moved (a proposal changing status), none missing; and its lookups find what a
 * scan of the collection finds.
 */
class KeyIndexTest {

    @Test
    void afterTheDemoEveryDocumentIsListedUnderItsCurrentKeysAndNothingElse() {
        try (ProjectionHarness harness = new ProjectionHarness(7)) {
            DemoScenario.load().run(harness.domain.gateway());
            harness.awaitCaughtUp();

            Map<String, List<String>> expected = expectedIndex(harness);
            assertThat(expected).containsKeys("proposals|campaign-status:thu-thua-dai-hoi-2020/AWARDED",
                    "awards|all", "awards|year:2020", "campaigns|status:CLOSED", "participants|unit:chi-bo-to-1",
                    "awards|text:nominee", "campaigns|text:search", "campaigns|text:issuer");
            assertThat(ReadModelDump.index(harness.database)).isEqualTo(expected);

            TreeSet<String> rejected = KeyIndex.entries(harness.database, ReadModels.PROPOSALS,
                    "campaign-status:thu-thua-dai-hoi-2020/REJECTED");
            assertThat(rejected.stream().map(KeyIndex::idOf).toList()).containsExactlyInAnyOrderElementsOf(
                    harness.database.getCollection(ReadModels.PROPOSALS)
                            .find(new Document("campaignId", "thu-thua-dai-hoi-2020").append("status", "REJECTED"))
                            .map(d -> d.getString("_id")).into(new ArrayList<>()));
            assertThat(rejected).hasSize(2);
            assertThat(KeyIndex.entries(harness.database, ReadModels.AWARDS, List.of("year:2020", "nominee~ngu")))
                    .isNotEmpty().allSatisfy(entry -> assertThat(harness.database.getCollection(ReadModels.AWARDS)
                            .find(new Document("_id", KeyIndex.idOf(entry))).first().getString("nomineeSearch"))
                            .contains("ngu"));
        }
    }

    /** A key of thousands of documents is read whole from its buckets; removals leave exactly the rest. */
    @Test
    void keysOfManyDocumentsAreReadWholeThroughTheirBuckets() {
        try (ReadModelFixture fixture = new ReadModelFixture()) {
            MongoDatabase database = fixture.database();
            TreeSet<String> all = new TreeSet<>();
            KeyIndex index = new KeyIndex();
            for (int i = 0; i < 3_000; i++) {
                String id = "award-" + i;
                String entry = KeyIndex.entry(String.format("%04d", i % 7), id);
                index.add(ReadModels.AWARDS, KeyIndex.ALL, entry, id);
                all.add(entry);
                if (i % 500 == 499) {
                    index.flush(database); // several batches, as a processor writes them
                }
            }
            assertThat(KeyIndex.entries(database, ReadModels.AWARDS, KeyIndex.ALL)).containsExactlyElementsOf(all);
            assertThat(KeyIndex.sampledSizes(database, ReadModels.AWARDS, List.of(KeyIndex.ALL, "nominee~xyz")))
                    .satisfies(sizes -> {
                        assertThat(sizes.get(KeyIndex.ALL)).isBetween(20, 80);
                        assertThat(sizes.get("nominee~xyz")).isZero();
                    });

            for (int i = 0; i < 3_000; i += 2) {
                String id = "award-" + i;
                String entry = KeyIndex.entry(String.format("%04d", i % 7), id);
                index.remove(ReadModels.AWARDS, KeyIndex.ALL, entry, id);
                all.remove(entry);
            }
            index.flush(database);
            assertThat(KeyIndex.entries(database, ReadModels.AWARDS, KeyIndex.ALL)).hasSize(1_500)
                    .containsExactlyElementsOf(all);
        }
    }

    @Test
    void aDataFolderWhoseIndexHasAnotherLayoutIsRebuiltBeforeTheProcessorsStart() {
        try (ProjectionHarness harness = new ProjectionHarness(7)) {
            ReadModelProjection readModels = new ReadModelProjection(harness.database, new DocumentMapper());
            assertThat(readModels.rebuildIfIndexOutdated()).as("empty read models record the layout").isFalse();
            DemoScenario.load().run(harness.domain.gateway());
            harness.awaitCaughtUp();
            Map<String, List<String>> built = ReadModelDump.of(harness.database);
            assertThat(readModels.rebuildIfIndexOutdated()).as("the current layout").isFalse();

            harness.stop(ReadModels.READ_MODELS_GROUP);
            var index = harness.database.getCollection(ReadModels.KEY_INDEX);
            index.deleteOne(Filters.eq("_id", KeyIndex.LAYOUT_ID)); // as the version before text keys left it
            index.deleteMany(Filters.regex("_id", "\\|text:"));
            assertThat(readModels.rebuildIfIndexOutdated()).isTrue();
            assertThat(harness.database.getCollection(ReadModels.CAMPAIGNS).countDocuments()).isZero();
            harness.start(ReadModels.READ_MODELS_GROUP);
            harness.awaitCaughtUp();

            assertThat(ReadModelDump.of(harness.database)).isEqualTo(built);
            assertThat(readModels.rebuildIfIndexOutdated()).isFalse();
        }
    }

    /** The index as the read models declare it for the documents stored now. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, List<String>> expectedIndex(ProjectionHarness harness) {
        DocumentMapper mapper = new DocumentMapper();
        Map<String, TreeSet<String>> keys = new TreeMap<>();
        for (Projector readModel : ReadModelProjection.READ_MODELS) {
            for (Document d : harness.database.getCollection(readModel.collection()).find()) {
                View view = mapper.fromDocument(d, (Class<View>) readModel.type());
                Map<String, String> entries = readModel.indexEntries(view);
                entries.forEach((key, entry) -> keys.computeIfAbsent(readModel.collection() + "|" + key,
                        k -> new TreeSet<>()).add(entry));
            }
        }
        Map<String, List<String>> index = new TreeMap<>();
        keys.forEach((key, entries) -> index.put(key, new ArrayList<>(entries)));
        return index;
    }
}

package vn.thidua.projections;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import vn.thidua.demo.DemoScenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The read models of the demo, document by document, as canonical extended JSON (which keeps every BSON type and the
 * order of fields, so equal text means equal bytes) against the approved file. A change of any projection that
 * changes a stored byte shows here, with the document that changed. Only values that differ between runs by nature
 * (event and correlation ids, which are random UUIDs) are masked.
 * <p>
 * If the change is meant (a new field, a new read model), delete the approved file, run this test once to write it
 * again, and review the difference in the commit.
 */
class ApprovedReadModelsTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved/demo-read-models.jsonl");
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();
    private static final List<String> RANDOM = List.of("eventId", "correlationId");

    @Test
    void theDemoBuildsExactlyTheApprovedDocuments() throws IOException {
        List<String> lines = new ArrayList<>();
        try (ProjectionHarness harness = new ProjectionHarness(7)) {
            DemoScenario.load().run(harness.domain.gateway());
            harness.awaitCaughtUp();
            for (String name : ReadModelDump.COLLECTIONS) {
                for (RawBsonDocument raw : harness.database.getCollection(name, RawBsonDocument.class).find()
                        .sort(new Document("_id", 1))) {
                    Document doc = Document.parse(raw.toJson(CANONICAL));
                    RANDOM.forEach(field -> doc.computeIfPresent(field, (k, v) -> "(random)"));
                    lines.add(name + " " + doc.toJson(CANONICAL));
                }
            }
        }
        if (!Files.exists(APPROVED)) {
            Files.write(APPROVED, lines, StandardCharsets.UTF_8);
            fail("No approved read models yet: wrote " + APPROVED + "; review it and run again");
        }
        List<String> approved = Files.readAllLines(APPROVED, StandardCharsets.UTF_8);
        for (int i = 0; i < Math.max(approved.size(), lines.size()); i++) {
            String expected = i < approved.size() ? approved.get(i) : "(none)";
            String actual = i < lines.size() ? lines.get(i) : "(none)";
            assertThat(actual).as("document %d of %d approved", i + 1, approved.size()).isEqualTo(expected);
        }
    }
}

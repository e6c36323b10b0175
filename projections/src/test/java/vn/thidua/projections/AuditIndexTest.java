package vn.thidua.projections;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.thidua.demo.DemoScenario;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.projections.audit.AuditIndex;
import vn.thidua.projections.audit.AuditProjection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit index names, for every aggregate, actor and event type of the demo, exactly the entries a scan of the
 * audit trail finds, in the same order; a redelivery of every event adds nothing to it.
 */
class AuditIndexTest {

    private final ProjectionHarness harness = new ProjectionHarness(7);

    @AfterEach
    void close() {
        harness.close();
    }

    private Map<String, List<Long>> byScan() {
        Map<String, List<Long>> expected = new TreeMap<>();
        for (Document entry : harness.database.getCollection(ReadModels.AUDIT).find().sort(Sorts.ascending("_id"))) {
            long position = ((Number) entry.get("_id")).longValue();
            expected.computeIfAbsent(AuditIndex.typeKey(entry.getString("type")), k -> new ArrayList<>())
                    .add(position);
            expected.computeIfAbsent(AuditIndex.ALL, k -> new ArrayList<>()).add(position);
            expected.computeIfAbsent(AuditIndex.dayKey(LocalDate.ofInstant(entry.getDate("timestamp").toInstant(),
                    DomainClock.VIETNAM)), k -> new ArrayList<>()).add(position);
            if (entry.getString("aggregateId") != null) {
                expected.computeIfAbsent(AuditIndex.aggregateKey(entry.getString("aggregateId")),
                        k -> new ArrayList<>()).add(position);
            }
            if (entry.getString("actorId") != null) {
                expected.computeIfAbsent(AuditIndex.actorKey(entry.getString("actorId")), k -> new ArrayList<>())
                        .add(position);
            }
        }
        return expected;
    }

    private Map<String, List<Long>> byIndex(Iterable<String> keys) {
        Map<String, List<Long>> found = new TreeMap<>();
        keys.forEach(key -> found.put(key, AuditIndex.positions(harness.database, key)));
        return found;
    }

    @Test
    void everyKeyNamesExactlyTheEntriesAScanFinds() {
        DemoScenario.load().run(harness.domain.gateway());
        harness.awaitCaughtUp();
        Map<String, List<Long>> expected = byScan();
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(byIndex(expected.keySet())).isEqualTo(expected);
        assertThat(AuditIndex.positions(harness.database, AuditIndex.aggregateKey("nowhere"))).isEmpty();
        List<Long> all = expected.get(AuditIndex.ALL);
        assertThat(AuditIndex.slice(harness.database, AuditIndex.ALL, 0, 20)).isEqualTo(all.subList(0, 20));
        assertThat(AuditIndex.slice(harness.database, AuditIndex.ALL, 150, 20))
                .isEqualTo(all.subList(150, Math.min(all.size(), 170)));
        assertThat(AuditIndex.slice(harness.database, AuditIndex.ALL, all.size(), 20)).isEmpty();
        assertThat(AuditIndex.days(harness.database, null, null)).isEqualTo(expected.keySet().stream()
                .filter(k -> k.startsWith("day:")).map(k -> LocalDate.parse(k.substring(4))).sorted().toList());

        List<String> index = harness.database.getCollection(ReadModels.AUDIT_INDEX).find()
                .map(Document::toJson).into(new ArrayList<>());
        List.of(ReadModels.READ_MODELS_GROUP, ReadModels.AUDIT_GROUP).forEach(harness::stop);
        harness.rewind(ReadModels.AUDIT_GROUP, new GlobalSequenceTrackingToken(-1));
        List.of(ReadModels.READ_MODELS_GROUP, ReadModels.AUDIT_GROUP).forEach(harness::start);
        harness.awaitCaughtUp();
        assertThat(harness.database.getCollection(ReadModels.AUDIT_INDEX).find().map(Document::toJson)
                .into(new ArrayList<>())).as("redelivery adds nothing").isEqualTo(index);
    }

    @Test
    void aDataFolderFromBeforeTheIndexIsRebuiltWithIt() {
        DemoScenario.load().run(harness.domain.gateway());
        harness.awaitCaughtUp();
        Map<String, List<Long>> expected = byScan();
        harness.stop(ReadModels.AUDIT_GROUP);
        harness.database.getCollection(ReadModels.AUDIT_INDEX).drop(); // as an older version left it
        AuditProjection audit = new AuditProjection(harness.database, new DocumentMapper());

        assertThat(audit.rebuildIfUnindexed()).isTrue();
        assertThat(harness.database.getCollection(ReadModels.AUDIT).countDocuments()).isZero();
        harness.start(ReadModels.AUDIT_GROUP);
        harness.awaitCaughtUp();

        assertThat(byScan()).isEqualTo(expected);
        assertThat(byIndex(expected.keySet())).isEqualTo(expected);
        assertThat(audit.rebuildIfUnindexed()).isFalse();

        harness.stop(ReadModels.AUDIT_GROUP);
        harness.database.getCollection(ReadModels.AUDIT_INDEX).updateOne(Filters.eq("_id", AuditIndex.LAYOUT),
                Updates.set("positionsPerBucket", 10_000)); // an index of the earlier bucket size
        assertThat(audit.rebuildIfUnindexed()).isTrue();
        assertThat(harness.database.getCollection(ReadModels.AUDIT).countDocuments()).isZero();
        harness.start(ReadModels.AUDIT_GROUP);
        harness.awaitCaughtUp();
        assertThat(byIndex(expected.keySet())).isEqualTo(expected);
    }

    @Test
    void intersectionKeepsThePositionsEveryListHas() {
        assertThat(AuditIndex.intersection(List.of(List.of(1L, 3L, 5L, 9L), List.of(3L, 4L, 9L))))
                .containsExactly(3L, 9L);
        assertThat(AuditIndex.intersection(List.of())).isEmpty();
        assertThat(new TreeSet<>(AuditIndex.intersection(List.of(List.of(2L))))).containsExactly(2L);
    }
}

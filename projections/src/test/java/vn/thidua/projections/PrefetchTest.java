package vn.thidua.projections;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.thidua.demo.DemoScenario;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch reads the documents its events name with one query per collection ({@link DocumentBatch#prepare}), not one
 * round trip per document, and builds the very same read models.
 */
class PrefetchTest {

    private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    private volatile boolean counting;
    private final ProjectionHarness harness = new ProjectionHarness(1000, new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (counting) {
                String target = event.getCommand().get(event.getCommandName()).isString()
                        ? event.getCommand().getString(event.getCommandName()).getValue() : "";
                commands.computeIfAbsent(event.getCommandName() + " " + target, k -> new AtomicInteger())
                        .incrementAndGet();
            }
        }
    });

    @AfterEach
    void close() {
        harness.close();
    }

    private int count(String command) {
        AtomicInteger n = commands.get(command);
        return n == null ? 0 : n.get();
    }

    @Test
    void aRebuildReadsEachBatchsDocumentsWithOneQueryPerCollection() {
        DemoScenario.load().run(harness.domain.gateway());
        harness.awaitCaughtUp();
        Map<String, List<String>> live = harness.snapshot();
        int participants = live.get(ReadModels.PARTICIPANTS).size();

        harness.stop(ReadModels.READ_MODELS_GROUP);
        harness.processor(ReadModels.READ_MODELS_GROUP).resetTokens();
        counting = true;
        harness.start(ReadModels.READ_MODELS_GROUP);
        harness.awaitCaughtUp();
        counting = false;

        assertThat(ReadModelDump.difference(live, harness.snapshot())).isNull();
        int batches = count("update " + ReadModels.PROGRESS); // each batch raises its marks once
        assertThat(batches).isPositive();
        assertThat(participants).isGreaterThan(20);
        // every participant event names its document: at most one query per batch, far fewer than documents
        assertThat(count("find " + ReadModels.PARTICIPANTS)).isLessThanOrEqualTo(batches).isLessThan(participants / 2);
    }
}

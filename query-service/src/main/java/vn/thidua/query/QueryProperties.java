package vn.thidua.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.thidua.projections.Projections;

import java.time.Duration;

/**
 * {@code thidua.query}: the read models' database, the processors' batch size and segments (what a new processor
 * starts with: several nodes share them), how long a claim on a segment holds without renewal (how long a dead
 * node's segments wait), how long a query waits for a minimum version before answering 409, whether the store keeps
 * secondary indexes (MongoDB does; the embedded mongo-java-server cannot use them, see
 * {@code Projections.dropSecondaryIndexes}), how often the embedded event store is polled while it has no new
 * event (20 ms: a command is readable that much sooner), and the name this node claims tokens under (the JVM's
 * {@code pid@host} unless set; two nodes must differ). {@code search.narrow-enough} and {@code search.document-tests}:
 * the plan of a text search through the key index ({@code ReadModelQueries#pageByKeys}; the answers do not depend on
 * them, only the work).
 */
@ConfigurationProperties("thidua.query")
public record QueryProperties(String database, Integer batchSize, Integer segments, Duration claimTimeout,
                              Duration consistencyWait, Boolean secondaryIndexes, Duration pollInterval,
                              String nodeId, Search search) {

    /** How a text search through the key index narrows its candidates and tests them. */
    public record Search(Integer narrowEnough, Integer documentTests) {
        public Search {
            narrowEnough = narrowEnough == null ? 100 : narrowEnough;
            documentTests = documentTests == null ? 500 : documentTests;
        }
    }

    public QueryProperties {
        secondaryIndexes = secondaryIndexes == null || secondaryIndexes;
        database = database == null || database.isBlank() ? "thidua" : database;
        batchSize = batchSize == null ? Projections.DEFAULT_BATCH_SIZE : batchSize;
        segments = segments == null ? Projections.DEFAULT_SEGMENTS : segments;
        claimTimeout = claimTimeout == null ? Projections.DEFAULT_CLAIM_TIMEOUT : claimTimeout;
        consistencyWait = consistencyWait == null ? Duration.ofSeconds(5) : consistencyWait;
        pollInterval = pollInterval == null ? Duration.ofMillis(20) : pollInterval;
        search = search == null ? new Search(null, null) : search;
        nodeId = nodeId == null || nodeId.isBlank()
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }

    /** Claims are renewed, and free segments looked for, four times per claim timeout. */
    public Projections.Settings processorSettings() {
        return new Projections.Settings(batchSize, segments, claimTimeout.dividedBy(4));
    }
}

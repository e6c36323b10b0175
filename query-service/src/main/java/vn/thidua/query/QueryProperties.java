package vn.thidua.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.thidua.projections.Projections;

import java.time.Duration;

/**
 * {@code thidua.query}: the read models' database, the processors' batch size, and how long a query waits for a
 * minimum version before answering 409.
 */
@ConfigurationProperties("thidua.query")
public record QueryProperties(String database, Integer batchSize, Duration consistencyWait) {

    public QueryProperties {
        database = database == null || database.isBlank() ? "thidua" : database;
        batchSize = batchSize == null ? Projections.DEFAULT_BATCH_SIZE : batchSize;
        consistencyWait = consistencyWait == null ? Duration.ofSeconds(5) : consistencyWait;
    }
}

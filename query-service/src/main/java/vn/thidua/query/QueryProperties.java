package vn.thidua.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.thidua.projections.Projections;

import java.time.Duration;

/**
 * {@code thidua.query}: the read models' database, the processors' batch size, how long a query waits for a
 * minimum version before answering 409, and whether the store keeps secondary indexes (MongoDB does; the embedded
 * mongo-java-server cannot use them, see {@code Projections.dropSecondaryIndexes}).
 */
@ConfigurationProperties("thidua.query")
public record QueryProperties(String database, Integer batchSize, Duration consistencyWait,
                              Boolean secondaryIndexes) {

    public QueryProperties {
        secondaryIndexes = secondaryIndexes == null || secondaryIndexes;
        database = database == null || database.isBlank() ? "thidua" : database;
        batchSize = batchSize == null ? Projections.DEFAULT_BATCH_SIZE : batchSize;
        consistencyWait = consistencyWait == null ? Duration.ofSeconds(5) : consistencyWait;
    }
}

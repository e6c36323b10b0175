package vn.thidua.query.health;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code readModels}: the MongoDB database of the read models answers a ping. */
@Component("readModels")
public class ReadModelHealth extends AbstractHealthIndicator {

    private final MongoDatabase database;

    public ReadModelHealth(MongoDatabase database) {
        super("MongoDB ping failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}

package vn.thidua.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thidua.command.Api;
import vn.thidua.command.CommandServiceApplication;
import vn.thidua.command.TestPlans;
import vn.thidua.query.QueryServiceApplication;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * command-service and query-service as two separate Spring applications that share only the event store (an H2
 * file) and a MongoDB server: what is sent over HTTP to one becomes visible over HTTP on the other. The query side
 * depends on nothing but stored events, as it will behind Axon Server.
 */
class SeparationTest {

    @TempDir
    Path data;

    @Test
    void aCommandSentToTheCommandServiceIsReadFromTheQueryService() {
        MongoServer mongo = new MongoServer(H2Backend.inMemory().version(ServerVersion.MONGO_5_0));
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        String events = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (ConfigurableApplicationContext command = CommandServiceApplication.builder()
                .run("--server.port=0", events, "--thidua.data-dir=" + data);
             ConfigurableApplicationContext query = QueryServiceApplication.builder()
                     .run("--server.port=0", events, "--thidua.data-dir=" + data,
                             "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + address.getPort(),
                             "--spring.autoconfigure.exclude=" + Standalone.QUERY_EXCLUDES)) {
            assertThat(command.getBeanNamesForType(QueryServiceApplication.class)).isEmpty();
            assertThat(query.getBeanNamesForType(CommandServiceApplication.class)).isEmpty();

            Api.Response launched = new Api(port(command)).post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("90/KH-UBND", 2, 3)));
            assertThat(launched.status()).isEqualTo(201);
            String id = launched.body().get("id").asText();

            Api.Response read = new Api(port(query)).get("auditor", "/api/campaigns/" + id + "?minVersion="
                    + launched.body().get("version").asLong());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().get("documentNumber").asText()).isEqualTo("90/KH-UBND");
            assertThat(read.body().get("launchedBy").asText()).isEqualTo("organizer");
        } finally {
            mongo.shutdownNow();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

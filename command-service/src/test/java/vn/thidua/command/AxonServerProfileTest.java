package vn.thidua.command;

import vn.thidua.service.axon.QuietAxon;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The distributed profile, loaded for real: events go to Axon Server, deadlines to MongoDB through JobRunr, no
 * relational database is configured, and none of the embedded default's demo users exists. MongoDB is played by
 * mongo-java-server; no Axon Server runs here, so the test only checks what the application would connect to.
 * JobRunr's MongoDB index migrations (M007 drops an index by name) do not run on mongo-java-server, so they are
 * skipped here; against a real MongoDB they run at start.
 */
class AxonServerProfileTest {

    private static MongoServer mongo;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        QuietAxon.apply();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            // what JobRunr's migrations leave behind on a real MongoDB
            for (String collection : new String[]{"jobs", "recurring_jobs",
                    "background_job_servers", "metadata", "migrations"}) {
                client.getDatabase("thidua_deadlines").createCollection(collection);
            }
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        context = CommandServiceApplication.builder()
                .profiles("axonserver")
                .run("--server.port=0",
                        "--THIDUA_MONGODB_URI=" + uri + "/thidua",
                        "--AXONSERVER_SERVERS=localhost:" + closedPort,
                        "--jobrunr.database.skip-create=true",
                        "--thidua.security.users[0].username=secretary",
                        "--thidua.security.users[0].password={bcrypt}$2a$10$0000000000000000000000uQOr8q2xbnUj9kF1Wq7ua9LQwJq6m2y",
                        "--thidua.security.users[0].role=COUNCIL");
    }

    @AfterAll
    static void stop() {
        context.close();
        mongo.shutdownNow();
    }

    @Test
    void eventsGoToAxonServerAndDeadlinesToMongo() {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(JobRunrDeadlineManager.class);
        assertThat(context.getBean(StorageProvider.class)).isInstanceOf(MongoDBStorageProvider.class);
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }

    @Test
    void onlyTheConfiguredUsersExist() {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        assertThat(users.loadUserByUsername("secretary").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_COUNCIL");
        for (String demo : new String[]{"organizer", "unit", "inspector", "council", "approver", "auditor", "admin"}) {
            assertThatThrownBy(() -> users.loadUserByUsername(demo)).isInstanceOf(UsernameNotFoundException.class);
        }
    }
}

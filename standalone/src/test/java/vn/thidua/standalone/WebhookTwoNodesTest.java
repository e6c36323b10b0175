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
import vn.thidua.domain.testing.Waiting;
import vn.thidua.query.QueryServiceApplication;
import vn.thidua.query.webhook.WebhookDispatcher;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-service nodes (own application contexts and node names) on one event store and one MongoDB: a
 * subscription is delivered by exactly one of them at a time (the one holding its token's claim); when that node
 * stops, the other takes the subscription over and delivers the rest, in order.
 */
class WebhookTwoNodesTest {

    @TempDir
    Path data;

    @Test
    void exactlyOneNodeDeliversASubscriptionAndTheOtherTakesOver() throws Exception {
        MongoServer mongo = new MongoServer(H2Backend.inMemory().version(ServerVersion.MONGO_5_0));
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        String events = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (WebhookReceiver receiver = new WebhookReceiver(0);
             ConfigurableApplicationContext command = CommandServiceApplication.builder()
                     .run("--server.port=0", events, "--thidua.data-dir=" + data,
                             "--jobrunr.background-job-server.enabled=false")) {
            receiver.script("/two", r -> {
                Waiting.sleep(50); // slow enough to stop a node mid-delivery (61 events: about 3 s)
                return WebhookReceiver.Answer.ok();
            });
            Api commands = new Api(port(command));
            String campaign = commands.post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("8/KH-NODES", 2, 3))).body().get("id").asText();
            for (int i = 0; i < 60; i++) {
                commands.post("organizer", "/api/campaigns/" + campaign + "/participants",
                        Map.of("unitId", "unit-" + i, "unitName", "Đơn vị " + i));
            }
            List<String> stored = StoredEvents.all(command.getBean(DataSource.class)).stream()
                    .map(StoredEvents.Row::eventId).toList();
            ConfigurableApplicationContext a = node(events, address, "node-a");
            ConfigurableApplicationContext b = node(events, address, "node-b");
            try {
                Api.Response created = new Api(port(a)).post("integration", "/api/subscriptions",
                        Map.of("sinkUrl", receiver.url("/two")));
                assertThat(created.status()).isEqualTo(201);
                String id = created.body().get("id").asText();
                Waiting.until(() -> receiver.delivered("/two").size() >= 15, Duration.ofSeconds(30));
                List<ConfigurableApplicationContext> delivering = new ArrayList<>();
                for (int look = 0; look < 20; look++) {
                    delivering.clear();
                    for (ConfigurableApplicationContext node : List.of(a, b)) {
                        if (node.getBean(WebhookDispatcher.class).runningHere().containsKey(id)) {
                            delivering.add(node);
                        }
                    }
                    assertThat(delivering).as("nodes delivering the subscription").hasSize(1);
                    Waiting.sleep(50);
                }
                ConfigurableApplicationContext first = delivering.get(0);
                ConfigurableApplicationContext other = first == a ? b : a;
                int before = receiver.delivered("/two").size();
                first.close(); // the node delivering it stops mid-delivery
                assertThat(before).isLessThan(stored.size());
                Waiting.until(() -> new LinkedHashSet<>(ids(receiver.delivered("/two"))).size() >= stored.size(),
                        Duration.ofSeconds(60));
                // the stopped node may have sent the last events between the count above and its close: the other
                // then claims the subscription with nothing left to send, once the claim is free
                Waiting.until(() -> other.getBean(WebhookDispatcher.class).runningHere().containsKey(id),
                        Duration.ofSeconds(30));
                List<String> got = ids(receiver.delivered("/two"));
                assertThat(new ArrayList<>(new LinkedHashSet<>(got))).isEqualTo(stored);
                assertThat(got.size() - stored.size()).as("re-sent at the takeover").isLessThanOrEqualTo(1);
            } finally {
                a.close();
                b.close();
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext node(String events, InetSocketAddress mongo, String name) {
        return QueryServiceApplication.builder().run("--server.port=0", events,
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongo.getPort(),
                "--spring.autoconfigure.exclude=" + Standalone.QUERY_EXCLUDES, "--thidua.query.node-id=" + name,
                "--thidua.query.claim-timeout=2s", "--thidua.webhooks.allowed-hosts=127.0.0.1",
                "--thidua.webhooks.claim-check=200ms");
    }

    private static List<String> ids(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::id).toList();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.domain.testing.Waiting;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook subscription survives SIGKILL: the embedded default (a child JVM) delivering the demo's events to a slow
 * receiver is killed twice in the middle of the delivery and restarted; afterwards the receiver holds every event in
 * order, and an event it received twice came with the same {@code webhook-id} and body: after each kill delivery goes
 * back to the last confirmation the store kept, never further, and runs forward again. A subscription answered 201
 * just before a kill is still there after it.
 */
class WebhookKillTest {

    private static final int KILLS = 2;

    @TempDir
    Path data;

    @Test
    void aKilledPlatformResumesDeliveryWithoutLosingOrReorderingEvents() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            receiver.script("/k", r -> {
                Waiting.sleep(10); // a receiver slower than the platform: the kill lands mid-delivery
                return WebhookReceiver.Answer.ok();
            });
            String[] options = {"--thidua.webhooks.allowed-hosts=127.0.0.1", "--thidua.webhooks.claim-check=200ms",
                    "--jobrunr.background-job-server.enabled=false"};
            ChildPlatform child = ChildPlatform.start(data, concat(options, "--demo"));
            Api api = new Api(child.queryPort);
            Api.Response created = api.post("integration", "/api/subscriptions",
                    Map.of("sinkUrl", receiver.url("/k")));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            List<String> createdJustBeforeAKill = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                int atLeast = receiver.delivered("/k").size() + 40;
                Waiting.until(() -> receiver.delivered("/k").size() >= atLeast, Duration.ofSeconds(60));
                Api.Response late = new Api(child.queryPort).post("integration", "/api/subscriptions",
                        Map.of("sinkUrl", receiver.url("/late-" + kill), "types", List.of("PlanRegistered")));
                assertThat(late.status()).isEqualTo(201);
                createdJustBeforeAKill.add(late.body().get("id").asText());
                child.kill(); // SIGKILL while events are being delivered, right after a 201
                child = ChildPlatform.start(data, options);
            }
            for (String id : createdJustBeforeAKill) {
                assertThat(new Api(child.queryPort).get("integration", "/api/subscriptions/" + id).status())
                        .as("a subscription answered 201 is kept").isEqualTo(200);
            }
            ChildPlatform last = child;
            JsonNode view = new Api(last.queryPort).get("integration", "/api/subscriptions/"
                    + created.body().get("id").asText()).body();
            assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
            long head;
            try {
                Waiting.until(() -> distinct(receiver.delivered("/k")).size() >= 150, Duration.ofSeconds(60));
                Waiting.sleep(2_000); // nothing more than everything comes
            } finally {
                last.kill();
            }
            List<StoredEvents.Row> stored;
            try (Standalone platform = ReadModelSnapshots.start(data)) {
                stored = StoredEvents.all(platform.command().getBean(DataSource.class));
            }
            List<WebhookReceiver.Received> delivered = receiver.delivered("/k");
            Map<String, WebhookReceiver.Received> first = distinct(delivered);
            assertThat(new ArrayList<>(first.keySet()))
                    .isEqualTo(stored.stream().map(StoredEvents.Row::eventId).toList());
            for (WebhookReceiver.Received r : delivered) {
                assertThat(r.body()).as("a repeated delivery is the same event").isEqualTo(first.get(r.id()).body());
            }
            // in order: each restart goes back at most to what it had not recorded, then runs forward again
            Map<String, Integer> index = new LinkedHashMap<>();
            for (StoredEvents.Row row : stored) {
                index.put(row.eventId(), index.size());
            }
            int runs = 1;
            for (int i = 1; i < delivered.size(); i++) {
                int previous = index.get(delivered.get(i - 1).id());
                int current = index.get(delivered.get(i).id());
                if (current != previous + 1) {
                    assertThat(current).as("a restart goes back, never forward past an event")
                            .isLessThanOrEqualTo(previous);
                    runs++;
                }
            }
            int repeated = delivered.size() - first.size();
            System.out.printf("webhook kill: %d events, %d deliveries, %d repeated, %d runs, over %d kills%n",
                    first.size(), delivered.size(), repeated, runs, KILLS);
            assertThat(runs).as("one run per life of the platform, at most").isLessThanOrEqualTo(KILLS + 1);
        }
    }

    private static Map<String, WebhookReceiver.Received> distinct(List<WebhookReceiver.Received> received) {
        Map<String, WebhookReceiver.Received> first = new LinkedHashMap<>();
        for (WebhookReceiver.Received r : received) {
            first.putIfAbsent(r.id(), r);
        }
        return first;
    }

    private static String[] concat(String[] options, String more) {
        String[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = more;
        return all;
    }
}

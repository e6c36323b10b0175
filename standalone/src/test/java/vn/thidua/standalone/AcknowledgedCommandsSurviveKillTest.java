package vn.thidua.standalone;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.projections.ReadModelDump;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform acknowledged, it keeps: client threads register units while the embedded default (a child JVM)
 * is killed with SIGKILL at random moments, five times, and restarted. Afterwards every registration answered 2xx is
 * in the event store at exactly the version it was answered with, and the read models equal a full rebuild.
 */
class AcknowledgedCommandsSurviveKillTest {

    private static final int CLIENTS = 4;
    private static final int KILLS = 5;
    private static final int MIN_PER_ROUND = 60;

    record Acknowledged(String campaignId, String unitId, long version) {
    }

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedCommandIsStoredAfterRepeatedKills() throws Exception {
        Random random = new Random(20261121L);
        List<String> campaigns = new ArrayList<>();
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger nextUnit = new AtomicInteger();

        for (int round = 0; round <= KILLS; round++) {
            ChildPlatform child = ChildPlatform.start(data, System.getProperty("thidua.test.child-args", "")
                    .split(" "));
            Api api = new Api(child.commandPort);
            if (round == 0) {
                for (int i = 0; i < CLIENTS; i++) {
                    Api.Response launched = api.post("organizer", "/api/campaigns",
                            Map.of("plan", TestPlans.plan(i + 1 + "/KH-KILL", 2, 3)));
                    assertThat(launched.status()).isEqualTo(201);
                    campaigns.add(launched.body().get("id").asText());
                }
            }
            if (round == KILLS) {
                child.kill();
                break;
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String campaignId = campaigns.get(i);
                loops.add(clients.submit(() -> {
                    while (running.get()) {
                        String unitId = "unit-" + nextUnit.incrementAndGet();
                        sent.incrementAndGet();
                        try {
                            Api.Response r = api.post("organizer", "/api/campaigns/" + campaignId + "/participants",
                                    Map.of("unitId", unitId, "unitName", "Đơn vị " + unitId));
                            if (r.status() / 100 == 2) {
                                acknowledged.add(new Acknowledged(campaignId, unitId, r.body().get("version")
                                        .asLong()));
                            }
                        } catch (IllegalStateException connectionLost) {
                            return null; // the platform was killed
                        }
                    }
                    return null;
                }));
            }
            // let the round get going (the first requests of a fresh JVM are slow), then kill at a random moment
            int before = acknowledged.size();
            long until = System.currentTimeMillis() + 60_000;
            while (acknowledged.size() - before < MIN_PER_ROUND && System.currentTimeMillis() < until) {
                Waiting.sleep(20);
            }
            Waiting.sleep(random.nextInt(700));
            child.kill(); // SIGKILL while the clients are sending
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            clients.shutdown();
        }

        try (Standalone platform = ReadModelSnapshots.start(data)) {
            EventStore events = platform.command().getBean(EventStore.class);
            Map<String, Map<Long, String>> stored = new HashMap<>();
            int storedRegistrations = 0;
            for (String campaignId : campaigns) {
                Map<Long, String> bySequence = new HashMap<>();
                for (DomainEventMessage<?> event : events.readEvents(campaignId).asStream().toList()) {
                    if (event.getPayload() instanceof ParticipantRegistered registered) {
                        bySequence.put(event.getSequenceNumber(), registered.unitId());
                        storedRegistrations++;
                    }
                }
                stored.put(campaignId, bySequence);
            }
            List<Acknowledged> lost = acknowledged.stream()
                    .filter(a -> !a.unitId().equals(stored.get(a.campaignId()).get(a.version()))).toList();
            System.out.printf("durability: %d registrations sent, %d acknowledged, %d stored, %d acknowledged but "
                    + "lost, over %d kills%n", sent.get(), acknowledged.size(), storedRegistrations, lost.size(), KILLS);
            assertThat(acknowledged).hasSizeGreaterThan(50 * KILLS);
            assertThat(lost).as("acknowledged registrations missing from the event store (at their version)")
                    .isEmpty();
            assertThat(storedRegistrations).isGreaterThanOrEqualTo(acknowledged.size());

            ReadModelSnapshots.awaitCaughtUp(platform.query());
            Map<String, List<String>> recovered = ReadModelSnapshots.of(platform.query());
            Api admin = new Api(platform.queryPort());
            for (String processor : List.of("read-models", "audit")) {
                assertThat(admin.post("admin", "/api/admin/processors/" + processor + "/replay", Map.of()).status())
                        .isEqualTo(202);
            }
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            Map<String, List<String>> rebuilt = ReadModelSnapshots.of(platform.query());
            assertThat(ReadModelDump.difference(rebuilt, recovered)).as("recovered read models vs a rebuild").isNull();
        }
    }
}

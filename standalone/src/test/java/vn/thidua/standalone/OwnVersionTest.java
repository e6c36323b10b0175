package vn.thidua.standalone;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.domain.campaign.ParticipantRegistered;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version a command answers with is the sequence number its own event got, even when fifty registrations race on
 * one campaign; read-your-writes with that version then finds exactly that unit.
 */
class OwnVersionTest {

    @TempDir
    Path data;

    @Test
    void fiftyConcurrentRegistrationsEachAnswerTheirOwnVersion() throws Exception {
        try (Standalone platform = ReadModelSnapshots.start(data)) {
            Api commands = new Api(platform.commandPort());
            String campaign = commands.post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("8/KH-VERSION", 2, 3))).body().get("id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String unit = "u" + i;
                answers.add(pool.submit(() -> commands.post("organizer", "/api/campaigns/" + campaign
                        + "/participants", Map.of("unitId", unit, "unitName", "Đơn vị " + unit)).body()
                        .get("version").asLong()));
            }
            Map<Long, String> answered = new HashMap<>();
            for (int i = 0; i < 50; i++) {
                assertThat(answered.put(answers.get(i).get(), "u" + i)).as("version answered twice").isNull();
            }
            pool.shutdown();
            Map<Long, String> stored = new HashMap<>();
            for (DomainEventMessage<?> e : platform.command().getBean(EventStore.class).readEvents(campaign)
                    .asStream().toList()) {
                if (e.getPayload() instanceof ParticipantRegistered r) {
                    stored.put(e.getSequenceNumber(), r.unitId());
                }
            }
            assertThat(answered).isEqualTo(stored);

            Api queries = new Api(platform.queryPort());
            long version = answers.get(0).get();
            assertThat(queries.get("auditor", "/api/campaigns/" + campaign + "?minVersion=" + version).body()
                    .get("version").asLong()).isGreaterThanOrEqualTo(version);
        }
    }
}

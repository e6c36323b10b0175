package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default end to end over HTTP: commands on one port, queries on the other, data kept on restart. */
class StandaloneTest {

    @TempDir
    Path data;

    private Standalone start() {
        return Standalone.start("--thidua.data-dir=" + data, "--thidua.command-port=0", "--thidua.query-port=0",
                "--thidua.mongo-port=0", "--thidua.query.consistency-wait=2s");
    }

    @Test
    void commandsAreReadBackWithTheirVersionWithinEachRolesView() {
        try (Standalone platform = start()) {
            Api commands = new Api(platform.commandPort());
            Api queries = new Api(platform.queryPort());

            Api.Response launched = commands.post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("77/KH-UBND", 2, 3)));
            assertThat(launched.status()).isEqualTo(201);
            String id = launched.body().get("id").asText();
            long version = launched.body().get("version").asLong();

            Api.Response campaign = queries.get("auditor", "/api/campaigns/" + id + "?minVersion=" + version);
            assertThat(campaign.status()).isEqualTo(200);
            assertThat(campaign.body().get("version").asLong()).isEqualTo(version);
            assertThat(campaign.body().get("documentNumber").asText()).isEqualTo("77/KH-UBND");
            assertThat(campaign.body().get("nextDueMilestone").get("milestoneId").asText()).isEqualTo("SK");
            assertThat(campaign.body().get("id").asText()).isEqualTo(id);
            for (String internal : List.of("_id", "position", "search", "issuerKey")) {
                assertThat(campaign.body().has(internal)).as(internal).isFalse();
                assertThat(queries.get("auditor", "/api/campaigns").body().get("items").get(0).has(internal))
                        .as("list " + internal).isFalse();
            }

            Api.Response found = queries.get("unit", "/api/campaigns?q=THU%20thua%20kiem&year="
                    + java.time.LocalDate.now().getYear());
            assertThat(found.body().get("total").asInt()).isEqualTo(1);
            assertThat(queries.get("unit", "/api/campaigns?q=bo%20trach").body().get("total").asInt()).isZero();

            long v = 0;
            for (String unit : List.of("demo-unit", "other-unit")) {
                Api.Response registered = commands.post("organizer", "/api/campaigns/" + id + "/participants",
                        Map.of("unitId", unit, "unitName", "Đơn vị " + unit));
                assertThat(registered.status()).isEqualTo(200);
                v = registered.body().get("version").asLong();
            }
            Api.Response own = queries.get("unit", "/api/campaigns/" + id + "/participants?minVersion=" + v);
            assertThat(own.body().get("items")).extracting(n -> n.get("unitId").asText())
                    .containsExactly("demo-unit");
            assertThat(queries.get("auditor", "/api/campaigns/" + id + "/participants").body().get("total")
                    .asInt()).isEqualTo(2);

            Api.Response behind = queries.get("auditor", "/api/campaigns/" + id + "?minVersion=" + (v + 50));
            assertThat(behind.status()).isEqualTo(409);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.code()).isEqualTo("not-caught-up");
            assertThat(queries.get("auditor", "/api/campaigns/nope").status()).isEqualTo(404);
            assertThat(queries.get(null, "/api/campaigns").status()).isEqualTo(401);
            assertThat(queries.get("auditor", "/api/campaigns?page=-1").code()).isEqualTo("invalid-parameter");

            Api.Response audit = queries.get("auditor", "/api/audit?aggregateId=" + id);
            JsonNode entries = audit.body().get("items");
            assertThat(entries).hasSize(3);
            assertThat(entries.get(0).get("type").asText()).isEqualTo("CampaignLaunched");
            assertThat(entries.get(0).get("actorId").asText()).isEqualTo("organizer");
            assertThat(entries.get(0).get("actorRole").asText()).isEqualTo("ORGANIZER");
            assertThat(entries.get(0).get("description").asText()).contains("77/KH-UBND");
            assertThat(entries.get(0).get("id").asLong()).isLessThan(entries.get(1).get("id").asLong());
            assertThat(entries.get(0).has("position")).isFalse();
            assertThat(entries.get(0).get("timestamp").asText()).endsWith("Z");
            assertThat(entries.get(0).at("/payload/plan/documentNumber").asText()).isEqualTo("77/KH-UBND");
            assertThat(queries.get("auditor", "/api/audit?type=ParticipantRegistered&actor=organizer")
                    .body().get("total").asInt()).isEqualTo(2);
            assertThat(queries.get("auditor", "/api/audit?from=2000-01-01&to=2000-12-31").body().get("total")
                    .asInt()).isZero();
            assertThat(queries.get("unit", "/api/audit").status()).isEqualTo(403);

            // metrics for administrators: Axon's own (command handling, processors) and the processors' lag
            Api.Response queryMetrics = queries.get("admin", "/actuator/prometheus");
            assertThat(queryMetrics.status()).isEqualTo(200);
            assertThat(queryMetrics.text()).contains("thidua_processor_lag{processor=\"read-models\"}",
                    "thidua_event_store_head", "eventProcessor_");
            Api.Response commandMetrics = commands.get("admin", "/actuator/prometheus");
            assertThat(commandMetrics.status()).isEqualTo(200);
            assertThat(commandMetrics.text()).contains("commandBus_successTimer_seconds_count",
                    "eventStore_allTimer_seconds_count");
            assertThat(queries.get("auditor", "/actuator/prometheus").status()).isEqualTo(403);
            Api.Response progress = queries.get("admin", "/api/admin/processors/read-models/replay");
            assertThat(progress.status()).isEqualTo(200);
            assertThat(progress.body().get("processor").asText()).isEqualTo("read-models");
            assertThat(progress.body().get("head").asLong()).isGreaterThanOrEqualTo(progress.body().get("position")
                    .asLong());

            // anonymous callers see the status only; auditors and administrators see the components
            Api.Response anonymous = queries.get(null, "/actuator/health");
            assertThat(anonymous.body().get("status").asText()).isEqualTo("UP");
            assertThat(anonymous.body().has("components")).isFalse();
            Api.Response health = queries.get("auditor", "/actuator/health");
            assertThat(health.body().at("/components/deadLetters/details/read-models/parked").asLong()).isZero();
            assertThat(health.body().at("/components/readModels/status").asText()).isEqualTo("UP");
            assertThat(health.body().at("/components/eventProcessing/details/processors/read-models/lag").asLong())
                    .isZero();
        }
    }

    @Test
    void aRestartKeepsEventsReadModelsAndTokens() throws Exception {
        String id;
        long auditTotal;
        try (Standalone platform = start()) {
            Api.Response launched = new Api(platform.commandPort()).post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("78/KH-UBND", 2, 3)));
            id = launched.body().get("id").asText();
            Api queries = new Api(platform.queryPort());
            queries.get("auditor", "/api/campaigns/" + id + "?minVersion=" + launched.body().get("version"));
            auditTotal = queries.get("auditor", "/api/audit").body().get("total").asLong();
        }
        assertThat(data.resolve("command").resolve("events.mv.db")).isRegularFile();
        assertThat(data.resolve("readmodels").resolve("mongo.mv")).isRegularFile();
        assertThat(data.resolve("audit").resolve("ledger-key.pem")).isRegularFile(); // the ledger's signing key
        try (var entries = Files.list(data)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsOnly("command", "readmodels", "audit");
        }
        try (Standalone platform = start()) {
            Api queries = new Api(platform.queryPort());
            assertThat(queries.get("auditor", "/api/campaigns/" + id).status()).isEqualTo(200);
            assertThat(queries.get("auditor", "/api/audit").body().get("total").asLong()).isEqualTo(auditTotal);
            Api.Response again = new Api(platform.commandPort()).post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("78/KH-UBND", 2, 3)));
            assertThat(again.code()).isEqualTo("plan-already-launched");
        }
    }
}

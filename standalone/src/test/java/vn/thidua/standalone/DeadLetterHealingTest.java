package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.projections.ReadModelDump;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event no projection can apply, stored directly in the event store (an appraisal whose {@code favourable} reads
 * "perhaps"), does not stop the read side: it is parked in the dead-letter queue with every later event of its
 * campaign, the other campaigns go on, health says WARN. After a fix is deployed (an upcaster) and an administrator
 * retries, the parked campaign heals, and every read model equals a full rebuild.
 */
class DeadLetterHealingTest {

    @TempDir
    Path data;

    private Standalone start(String... extra) {
        return ReadModelSnapshots.start(data, extra);
    }

    @Test
    void aPoisonedEventIsParkedWithItsCampaignAndHealsAfterAFixAndARetry() throws Exception {
        List<String> campaigns = new ArrayList<>();
        String proposal;
        try (Standalone platform = start()) {
            Api commands = new Api(platform.commandPort());
            for (String number : List.of("1/KH-DLQ", "2/KH-DLQ", "3/KH-DLQ")) {
                String id = commands.post("organizer", "/api/campaigns", Map.of("plan", TestPlans.plan(number, 2, 3)))
                        .body().get("id").asText();
                campaigns.add(id);
                assertThat(commands.post("organizer", "/api/campaigns/" + id + "/participants",
                        Map.of("unitId", "u1", "unitName", "Đơn vị 1")).status()).isEqualTo(200);
            }
            Api.Response submitted = commands.post("organizer", "/api/proposals", Map.of("campaignId",
                    campaigns.get(1), "proposingUnitId", "u1", "nominee", Map.of("kind", "INDIVIDUAL", "name",
                            "Nguyễn Văn A"), "schemeId", "GK", "achievementSummary", "Hoàn thành xuất sắc",
                    "achievementYear", LocalDate.now().getYear(), "documents", TestPlans.districtDossier()));
            assertThat(submitted.status()).isEqualTo(201);
            proposal = submitted.body().get("id").asText();
            ReadModelSnapshots.awaitCaughtUp(platform.query());
        }

        storePoisonedAppraisal(proposal);

        String poisoned = campaigns.get(1);
        try (Standalone platform = start()) {
            Api commands = new Api(platform.commandPort());
            for (String id : campaigns) {
                assertThat(commands.post("organizer", "/api/campaigns/" + id + "/participants",
                        Map.of("unitId", "u2", "unitName", "Đơn vị 2")).status()).isEqualTo(200);
            }
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            Api queries = new Api(platform.queryPort());
            for (String id : campaigns) {
                long total = queries.get("auditor", "/api/campaigns/" + id + "/participants").body().get("total")
                        .asLong();
                // the other campaigns go on; the poisoned one waits behind its parked event
                assertThat(total).as("participants of " + id).isEqualTo(id.equals(poisoned) ? 1 : 2);
            }
            JsonNode health = queries.get("admin", "/actuator/health").body();
            assertThat(health.at("/components/deadLetters/status").asText()).isEqualTo("WARN");
            assertThat(health.at("/components/deadLetters/details/read-models/parked").asLong()).isEqualTo(2);
            assertThat(health.at("/components/deadLetters/details/read-models/firstReason").asText())
                    .contains("perhaps");
            assertThat(health.at("/components/eventProcessing/status").asText()).isEqualTo("UP");
            JsonNode parked = queries.get("admin", "/api/admin/dead-letters/read-models").body();
            assertThat(parked.at("/sequences/0/sequence").asText()).isEqualTo(poisoned);
            assertThat(parked.at("/sequences/0/letters/0/type").asText()).isEqualTo("ProposalAppraised");
            assertThat(parked.at("/sequences/0/letters/1/type").asText()).isEqualTo("ParticipantRegistered");
            // a retry without a fix changes nothing
            assertThat(queries.post("admin", "/api/admin/dead-letters/read-models/retry", Map.of()).body()
                    .get("stillParked").asLong()).isEqualTo(2);
            assertThat(queries.get("auditor", "/api/audit").status()).isEqualTo(200);
        }

        // the fix is deployed: an upcaster that reads the poisoned appraisal
        try (Standalone platform = start("--spring.main.sources=" + FixForPoisonedAppraisal.class.getName())) {
            Api queries = new Api(platform.queryPort());
            for (String processor : List.of("read-models", "audit")) {
                JsonNode retried = queries.post("admin", "/api/admin/dead-letters/" + processor + "/retry", Map.of())
                        .body();
                assertThat(retried.get("stillParked").asLong()).as(processor).isZero();
            }
            assertThat(queries.get("auditor", "/api/campaigns/" + poisoned + "/participants").body().get("total")
                    .asLong()).isEqualTo(2);
            assertThat(queries.get("auditor", "/api/proposals/" + proposal).body().path("appraisal")
                    .path("favourable").asBoolean(true)).isFalse();
            assertThat(queries.get("admin", "/actuator/health").body().at("/components/deadLetters/status").asText())
                    .isEqualTo("UP");

            Map<String, List<String>> healed = ReadModelSnapshots.of(platform.query());
            for (String processor : List.of("read-models", "audit")) {
                assertThat(queries.post("admin", "/api/admin/processors/" + processor + "/replay", Map.of()).status())
                        .isEqualTo(202);
            }
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            assertThat(ReadModelDump.difference(ReadModelSnapshots.of(platform.query()), healed))
                    .as("healed read models vs a rebuild").isNull();
        }
    }

    /** Appends, straight into the H2 event store, an appraisal of the proposal that no code can read. */
    private void storePoisonedAppraisal(String proposal) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("command").resolve("events"),
                "sa", "")) {
            String sequenceName;
            try (ResultSet r = db.createStatement().executeQuery("SELECT SEQUENCE_NAME FROM "
                    + "INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME LIKE '%DOMAIN_EVENT%'")) {
                assertThat(r.next()).isTrue();
                sequenceName = r.getString(1);
            }
            long position;
            try (ResultSet r = db.createStatement().executeQuery("SELECT NEXT VALUE FOR " + sequenceName)) {
                r.next();
                position = r.getLong(1);
            }
            byte[] metaData;
            long sequence;
            try (PreparedStatement q = db.prepareStatement("SELECT META_DATA, SEQUENCE_NUMBER FROM DOMAIN_EVENT_ENTRY "
                    + "WHERE AGGREGATE_IDENTIFIER = ? ORDER BY SEQUENCE_NUMBER DESC LIMIT 1")) {
                q.setString(1, proposal);
                try (ResultSet r = q.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    metaData = r.getBytes(1);
                    sequence = r.getLong(2) + 1;
                }
            }
            String payload = "{\"proposalId\":\"" + proposal + "\",\"favourable\":\"perhaps\",\"opinion\":\"Chưa rõ\","
                    + "\"appraisedOn\":\"" + LocalDate.now() + "\"}";
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO DOMAIN_EVENT_ENTRY (GLOBAL_INDEX, "
                    + "EVENT_IDENTIFIER, META_DATA, PAYLOAD, PAYLOAD_REVISION, PAYLOAD_TYPE, TIME_STAMP, "
                    + "AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER, TYPE) VALUES (?, ?, ?, ?, '1', ?, ?, ?, ?, 'AwardProposal')")) {
                insert.setLong(1, position);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, metaData);
                insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
                insert.setString(5, "vn.thidua.domain.proposal.ProposalAppraised");
                insert.setString(6, Instant.now().toString());
                insert.setString(7, proposal);
                insert.setLong(8, sequence);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
    }
}

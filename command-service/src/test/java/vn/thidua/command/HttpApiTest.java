package vn.thidua.command;

import vn.thidua.service.axon.QuietAxon;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.proposal.AwardGranted;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default over HTTP: a campaign and a proposal from launch to revocation, as the demo users, with the
 * refusals a client meets on the way. After every refusal the event store holds nothing more than before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
class HttpApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("thidua.data-dir", () -> dataDir.toString());
    }

    @BeforeAll
    static void quiet() {
        QuietAxon.apply();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    private Api api;
    private final LocalDate today = LocalDate.now(DomainClock.VIETNAM);

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** Sends a request that must be refused, and checks the refusal and that nothing was stored. */
    private Api.Response refused(int status, String code, String user, String path, Object body) {
        long before = storedEvents();
        Api.Response response = api.post(user, path, body);
        assertThat(response.status()).as(response.body() == null ? "" : response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().path("type").asText()).isEqualTo("urn:thidua:problem:" + code);
        assertThat(response.body().path("detail").asText()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(before);
        return response;
    }

    private String launch(String number, int collectives, int individuals) {
        Api.Response r = api.post("organizer", "/api/campaigns", Map.of("plan", TestPlans.plan(number,
                collectives, individuals)));
        assertThat(r.status()).isEqualTo(201);
        return r.body().path("id").asText();
    }

    @Test
    void aCampaignAndAProposalFromLaunchToRevocation() {
        String campaignId = UUID.randomUUID().toString();
        Api.Response launched = api.post("organizer", "/api/campaigns",
                Map.of("id", campaignId, "plan", TestPlans.plan("101/KH-UBND", 2, 3)), "req-launch-1");
        assertThat(launched.status()).isEqualTo(201);
        assertThat(launched.location()).isEqualTo("/api/campaigns/" + campaignId);
        assertThat(launched.body().path("id").asText()).isEqualTo(campaignId);
        assertThat(launched.body().path("version").asLong()).isZero();
        // the platform assigns its own correlation id; the client's is kept apart
        assertThat(launched.correlationId()).isNotEqualTo("req-launch-1").matches("[0-9a-f-]{36}");

        String c = "/api/campaigns/" + campaignId;
        assertThat(api.post("unit", c + "/participants", Map.of("unitId", "demo-unit",
                "unitName", "Đảng bộ xã Mỹ An", "pledgedWorks", List.of(Map.of("workId", "w1",
                        "title", "Nhà văn hóa ấp 3")))).status()).isEqualTo(200);
        assertThat(api.post("organizer", c + "/participants", Map.of("unitId", "u-2",
                "unitName", "Đảng bộ xã Nhị Thành")).body().path("version").asLong()).isEqualTo(3);
        assertThat(api.post("unit", c + "/participants/demo-unit/works", Map.of("workId", "w2",
                "title", "Đường giao thông nông thôn")).status()).isEqualTo(200);
        assertThat(api.post("inspector", c + "/inspections", Map.of("unitId", "demo-unit",
                "inspectedOn", today.toString(), "inspectedBy", "Đoàn kiểm tra huyện", "rating", "GOOD",
                "findings", "Triển khai tốt")).status()).isEqualTo(200);
        assertThat(api.post("unit", c + "/reports", Map.of("unitId", "demo-unit", "kind", "INTERIM",
                "summary", "Sơ kết")).status()).isEqualTo(200);

        Api.Response submitted = api.post("unit", "/api/proposals", Map.of("campaignId", campaignId,
                "proposingUnitId", "demo-unit", "nominee", Map.of("kind", "INDIVIDUAL", "name", "Nguyễn Thị Hoa"),
                "schemeId", "GK", "achievementSummary", "Hoàn thành xuất sắc nhiệm vụ",
                "achievementYear", today.getYear(), "documents", TestPlans.districtDossier()));
        assertThat(submitted.status()).isEqualTo(201);
        String proposalId = submitted.body().path("id").asText();
        assertThat(submitted.location()).isEqualTo("/api/proposals/" + proposalId);
        String p = "/api/proposals/" + proposalId;

        assertThat(api.post("organizer", p + "/returns", Map.of("reason", "Thiếu chữ ký")).status()).isEqualTo(200);
        assertThat(api.post("unit", p + "/supplements", Map.of("documents", TestPlans.districtDossier(),
                "note", "Đã bổ sung")).status()).isEqualTo(200);
        assertThat(api.post("organizer", p + "/appraisals", Map.of("favourable", true, "opinion", "Đủ điều kiện"))
                .status()).isEqualTo(200);
        assertThat(api.post("council", p + "/votes", Map.of("membersTotal", 9, "votesFor", 8, "votesAgainst", 1,
                "abstaining", 0)).status()).isEqualTo(200);
        Api.Response awarded = api.post("approver", p + "/award", Map.of("decisionNumber", "1234/QĐ-UBND",
                "decisionDate", today.toString(), "signerName", "Nguyễn Đăng Minh Xuân", "signerTitle", "Chủ tịch"),
                "req-award-1");
        assertThat(awarded.status()).isEqualTo(200);
        assertThat(awarded.body().path("version").asLong()).isEqualTo(5);
        assertThat(api.post("approver", p + "/revocation", Map.of("ground", "FRAUDULENT_DECLARATION",
                "decisionNumber", "99/QĐ-UBND", "decisionDate", today.toString(), "explanation", "Kê khai sai"))
                .status()).isEqualTo(200);

        // every stored event keeps the actor and the request's correlation id
        List<? extends DomainEventMessage<?>> campaignEvents = eventStore.readEvents(campaignId).asStream().toList();
        DomainEventMessage<?> first = campaignEvents.get(0);
        assertThat(first.getPayload()).isInstanceOf(CampaignLaunched.class);
        assertThat(first.getMetaData()).containsEntry("actorId", "organizer").containsEntry("actorRole", "ORGANIZER")
                .containsEntry("correlationId", launched.correlationId())
                .containsEntry("clientCorrelationId", "req-launch-1");
        DomainEventMessage<?> admitted = campaignEvents.stream()
                .filter(e -> e.getPayload() instanceof ProposalAdmitted).findFirst().orElseThrow();
        assertThat(admitted.getMetaData()).containsEntry("actorId", "unit").containsEntry("actorRole", "UNIT")
                .containsEntry("actorUnit", "demo-unit");
        DomainEventMessage<?> grant = eventStore.readEvents(proposalId).asStream()
                .filter(e -> e.getPayload() instanceof AwardGranted).findFirst().orElseThrow();
        assertThat(grant.getMetaData()).containsEntry("actorId", "approver").containsEntry("actorRole", "APPROVER")
                .containsEntry("correlationId", awarded.correlationId())
                .containsEntry("clientCorrelationId", "req-award-1");
        assertThat(campaignEvents).allSatisfy(e -> assertThat(e.getMetaData()).containsKeys("actorId", "actorRole",
                "actorUnit", "correlationId", "clientCorrelationId"));
    }

    @Test
    void vietnameseTextIsStoredInNfc() {
        String campaignId = launch("111/KH-UBND", 1, 1);
        String decomposed = java.text.Normalizer.normalize("Đảng bộ xã Bố Trạch", java.text.Normalizer.Form.NFD);
        assertThat(api.post("organizer", "/api/campaigns/" + campaignId + "/participants",
                Map.of("unitId", "u-nfc", "unitName", decomposed)).status()).isEqualTo(200);
        Object registered = eventStore.readEvents(campaignId).asStream().map(DomainEventMessage::getPayload)
                .filter(e -> e instanceof vn.thidua.domain.campaign.ParticipantRegistered).findFirst().orElseThrow();
        assertThat(((vn.thidua.domain.campaign.ParticipantRegistered) registered).unitName())
                .isEqualTo("Đảng bộ xã Bố Trạch")
                .isEqualTo(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC));
    }

    @Test
    void badInputIsRefusedWith400NamingTheField() {
        String campaignId = launch("102/KH-UBND", 1, 1);
        String c = "/api/campaigns/" + campaignId;
        refused(400, "unknown-property", "organizer", c + "/participants",
                Map.of("unitId", "u1", "unitName", "X", "actorId", "someone-else"));
        Map<String, Object> badPeriod = new HashMap<>(TestPlans.plan("103/KH-UBND", 1, 1));
        badPeriod.put("period", Map.of("start", today.toString(), "end", today.minusDays(1).toString()));
        assertThat(refused(400, "period-end-before-start", "organizer", "/api/campaigns", Map.of("plan", badPeriod))
                .body().path("field").asText()).isEqualTo("plan.period.end");
        assertThat(refused(400, "invalid-value", "inspector", c + "/inspections", Map.of("unitId", "u1",
                "inspectedOn", "30/06/2020", "inspectedBy", "Đoàn", "rating", "GOOD")).body().path("field").asText())
                .isEqualTo("inspectedOn");
        refused(400, "invalid-value", "inspector", c + "/inspections", Map.of("unitId", "u1",
                "inspectedOn", today.toString(), "inspectedBy", "Đoàn", "rating", "SUPERB"));
        refused(400, "malformed-json", "organizer", c + "/participants", "{\"unitId\": ");
        refused(400, "required", "organizer", c + "/participants", Map.of("unitId", "u1"));
        refused(400, "invalid-id", "organizer", "/api/campaigns", Map.of("id", "not-a-uuid",
                "plan", TestPlans.plan("104/KH-UBND", 1, 1)));
        Map<String, Object> badLevel = new HashMap<>(TestPlans.plan("105/KH-UBND", 1, 1));
        badLevel.put("issuer", Map.of("name", "UBND", "level", "cấp huyện"));
        refused(400, "invalid-value", "organizer", "/api/campaigns", Map.of("plan", badLevel));
    }

    @Test
    void rolesAndUnitsAreEnforced() {
        String campaignId = launch("106/KH-UBND", 1, 1);
        String c = "/api/campaigns/" + campaignId;
        refused(401, "unauthenticated", null, c + "/participants", Map.of("unitId", "u1", "unitName", "X"));
        refused(403, "forbidden", "auditor", c + "/conclusion", Map.of());
        refused(403, "forbidden", "admin", "/api/campaigns", Map.of("plan", TestPlans.plan("107/KH-UBND", 1, 1)));
        refused(403, "forbidden", "unit", c + "/inspections", Map.of("unitId", "demo-unit",
                "inspectedOn", today.toString(), "inspectedBy", "Đoàn", "rating", "GOOD"));
        refused(403, "forbidden-unit", "unit", c + "/participants", Map.of("unitId", "someone-else",
                "unitName", "Đơn vị khác"));
        assertThat(api.post("organizer", c + "/participants", Map.of("unitId", "u-2", "unitName", "Xã B"))
                .status()).isEqualTo(200);
        refused(403, "forbidden-unit", "unit", c + "/participants/u-2/works", Map.of("workId", "w", "title", "T"));
        refused(403, "forbidden-unit", "unit", "/api/proposals", Map.of("campaignId", campaignId,
                "proposingUnitId", "u-2", "nominee", Map.of("kind", "INDIVIDUAL", "name", "A"), "schemeId", "GK",
                "achievementSummary", "x", "achievementYear", today.getYear(), "documents",
                TestPlans.districtDossier()));

        Api.Response byOrganizer = api.post("organizer", "/api/proposals", Map.of("campaignId", campaignId,
                "proposingUnitId", "u-2", "nominee", Map.of("kind", "INDIVIDUAL", "name", "Trần Văn B"),
                "schemeId", "GK", "achievementSummary", "x", "achievementYear", today.getYear(),
                "documents", TestPlans.districtDossier()));
        String p = "/api/proposals/" + byOrganizer.body().path("id").asText();
        refused(403, "forbidden", "unit", p + "/award", Map.of("decisionNumber", "1", "decisionDate",
                today.toString(), "signerName", "A"));
        refused(403, "forbidden", "council", p + "/appraisals", Map.of("favourable", true, "opinion", "x"));
        refused(404, "not-found", "unit", p + "/withdrawal", Map.of("reason", "Rút"));
    }

    @Test
    void rulesAndUnknownAggregatesAreRefused() {
        String campaignId = launch("108/KH-UBND", 1, 1);
        String c = "/api/campaigns/" + campaignId;
        refused(409, "plan-already-launched", "organizer", "/api/campaigns",
                Map.of("plan", TestPlans.plan("108/KH-UBND", 1, 1)));
        refused(409, "not-registered", "inspector", c + "/inspections", Map.of("unitId", "u-9",
                "inspectedOn", today.toString(), "inspectedBy", "Đoàn", "rating", "GOOD"));
        refused(409, "quota-not-pending", "organizer", c + "/quota-allocations", Map.of("schemeId", "GK",
                "collectives", 2, "individuals", 2));
        refused(409, "not-concluded", "organizer", c + "/closure", Map.of());
        refused(404, "not-found", "organizer", "/api/campaigns/" + UUID.randomUUID() + "/conclusion", Map.of());
        refused(404, "not-found", "council", "/api/proposals/" + UUID.randomUUID() + "/votes",
                Map.of("membersTotal", 9, "votesFor", 9, "votesAgainst", 0, "abstaining", 0));
        refused(400, "unknown-campaign", "organizer", "/api/proposals", Map.of("campaignId", "nope",
                "proposingUnitId", "u-2", "nominee", Map.of("kind", "INDIVIDUAL", "name", "A"), "schemeId", "GK",
                "achievementSummary", "x", "achievementYear", today.getYear(), "documents",
                TestPlans.districtDossier()));

        // a retried launch with the same client id is recognised
        String id = UUID.randomUUID().toString();
        assertThat(api.post("organizer", "/api/campaigns", Map.of("id", id, "plan", TestPlans.plan("109/KH-UBND",
                1, 1))).status()).isEqualTo(201);
        refused(409, "already-exists", "organizer", "/api/campaigns", Map.of("id", id,
                "plan", TestPlans.plan("110/KH-UBND", 1, 1)));
    }
}

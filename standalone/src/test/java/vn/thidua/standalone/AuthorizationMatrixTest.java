package vn.thidua.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every role (and anonymous) × the UNIT user's own or another unit: the table below is the
 * specification of who may do what, and each cell's exact status is asserted against the running embedded default.
 * Allowed cells aim at something that does not exist or is invalid, so the answer shows the request got past
 * authorization without changing anything. The README's role table is checked against this one.
 */
class AuthorizationMatrixTest {

    enum Who { ANONYMOUS, ORGANIZER, UNIT, UNIT_OTHER, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN, INTEGRATION }

    /** One endpoint: who may call it, and what an allowed call answers here. */
    record Row(String side, String method, String path, String template, Set<Who> allowed, int allowedStatus,
               int otherUnitStatus, Function<Who, Object> body) {
    }

    /** A body sent as it is, with its own content type. */
    record Document(String contentType, byte[] bytes) {
    }

    private static final String NOWHERE = "00000000-0000-0000-0000-000000000000";
    /** Everyone signed in but an integration service, which reads the event feed only. */
    private static final Set<Who> EVERYONE = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS, Who.INTEGRATION));

    @TempDir
    static Path data;
    static Standalone platform;
    static String campaign;
    static String ownProposal;
    static String otherProposal;

    @BeforeAll
    static void start() {
        platform = ReadModelSnapshots.start(data);
        Api api = new Api(platform.commandPort());
        campaign = api.post("organizer", "/api/campaigns", Map.of("plan", TestPlans.plan("9/KH-MATRIX", 2, 3)))
                .body().get("id").asText();
        for (String unit : List.of("demo-unit", "other-unit")) {
            api.post("organizer", "/api/campaigns/" + campaign + "/participants",
                    Map.of("unitId", unit, "unitName", "Đơn vị " + unit));
        }
        ownProposal = submit(api, "demo-unit", "Nguyễn Văn A");
        otherProposal = submit(api, "other-unit", "Trần Thị B");
        new Api(platform.queryPort()).get("auditor", "/api/proposals/" + otherProposal + "?minVersion=0");
    }

    private static String submit(Api api, String unit, String nominee) {
        return api.post("organizer", "/api/proposals", Map.of("campaignId", campaign, "proposingUnitId", unit,
                "nominee", Map.of("kind", "INDIVIDUAL", "name", nominee), "schemeId", "GK",
                "achievementSummary", "Hoàn thành xuất sắc", "achievementYear", LocalDate.now().getYear(),
                "documents", TestPlans.districtDossier())).body().get("id").asText();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static String unitOf(Who who) {
        return who == Who.UNIT_OTHER ? "someone-else" : "demo-unit";
    }

    static List<Row> table() {
        String c = "/api/campaigns/" + NOWHERE;
        String p = "/api/proposals/" + NOWHERE;
        Set<Who> organizer = EnumSet.of(Who.ORGANIZER);
        Set<Who> organizerOrUnit = EnumSet.of(Who.ORGANIZER, Who.UNIT, Who.UNIT_OTHER);
        Function<Who, Object> empty = who -> Map.of();
        List<Row> rows = new ArrayList<>();
        // command side: allowed callers reach an unknown campaign or proposal (404), or send an invalid body (400)
        rows.add(new Row("command", "POST", "/api/campaigns", "/api/campaigns", organizer, 400, 0,
                who -> Map.of("plan", Map.of())));
        // a plan sent as it is to be read into a draft (here not UTF-8: 400, nothing read)
        rows.add(new Row("command", "POST", "/api/plan-drafts", "/api/plan-drafts", organizer, 400, 0,
                who -> new Document("text/plain", new byte[]{'K', (byte) 0xE9})));
        rows.add(new Row("command", "POST", c + "/amendments", "/api/campaigns/{id}/amendments", organizer, 404, 0,
                who -> Map.of("reason", "Điều chỉnh", "plan", TestPlans.plan("9/KH-MATRIX", 1, 1))));
        rows.add(new Row("command", "POST", c + "/quota-allocations", "/api/campaigns/{id}/quota-allocations",
                organizer, 404, 0, who -> Map.of("schemeId", "BK", "collectives", 1, "individuals", 1)));
        rows.add(new Row("command", "POST", c + "/participants", "/api/campaigns/{id}/participants",
                organizerOrUnit, 404, 403, who -> Map.of("unitId", unitOf(who), "unitName", "Đơn vị")));
        rows.add(new Row("command", "POST", c + "/participants/UNIT/works",
                "/api/campaigns/{id}/participants/{unitId}/works", organizerOrUnit, 404, 403,
                who -> Map.of("workId", "w1", "title", "Công trình")));
        rows.add(new Row("command", "POST", c + "/inspections", "/api/campaigns/{id}/inspections",
                EnumSet.of(Who.INSPECTOR), 404, 0, who -> Map.of("unitId", "demo-unit", "inspectedOn",
                LocalDate.now().toString(), "inspectedBy", "Đoàn", "findings", "Tốt", "rating", "GOOD")));
        rows.add(new Row("command", "POST", c + "/reports", "/api/campaigns/{id}/reports", organizerOrUnit, 404,
                403, who -> Map.of("unitId", unitOf(who), "kind", "INTERIM", "summary", "Sơ kết")));
        rows.add(new Row("command", "POST", c + "/conclusion", "/api/campaigns/{id}/conclusion", organizer, 404, 0,
                empty));
        rows.add(new Row("command", "POST", c + "/closure", "/api/campaigns/{id}/closure", organizer, 404, 0,
                empty));
        rows.add(new Row("command", "POST", "/api/proposals", "/api/proposals", organizerOrUnit, 400, 403,
                who -> Map.of("campaignId", NOWHERE, "proposingUnitId", unitOf(who), "nominee",
                        Map.of("kind", "INDIVIDUAL", "name", "A"), "schemeId", "GK", "achievementSummary", "x",
                        "achievementYear", LocalDate.now().getYear(), "documents", TestPlans.districtDossier())));
        rows.add(new Row("command", "POST", p + "/returns", "/api/proposals/{id}/returns", organizer, 404, 0,
                who -> Map.of("reason", "Thiếu")));
        rows.add(new Row("command", "POST", p + "/supplements", "/api/proposals/{id}/supplements",
                organizerOrUnit, 404, 404, who -> Map.of("documents", TestPlans.districtDossier())));
        rows.add(new Row("command", "POST", p + "/appraisals", "/api/proposals/{id}/appraisals", organizer, 404, 0,
                who -> Map.of("favourable", true, "opinion", "Đạt")));
        rows.add(new Row("command", "POST", p + "/votes", "/api/proposals/{id}/votes", EnumSet.of(Who.COUNCIL), 404,
                0, who -> Map.of("membersTotal", 9, "votesFor", 9, "votesAgainst", 0, "abstaining", 0)));
        rows.add(new Row("command", "POST", p + "/award", "/api/proposals/{id}/award", EnumSet.of(Who.APPROVER),
                404, 0, who -> Map.of("decisionNumber", "1/QĐ", "decisionDate", LocalDate.now().toString(),
                "signerName", "A", "signerTitle", "Chủ tịch")));
        rows.add(new Row("command", "POST", p + "/rejection", "/api/proposals/{id}/rejection",
                EnumSet.of(Who.APPROVER, Who.COUNCIL), 404, 0, who -> Map.of("reason", "Không đạt")));
        rows.add(new Row("command", "POST", p + "/withdrawal", "/api/proposals/{id}/withdrawal",
                EnumSet.of(Who.UNIT, Who.UNIT_OTHER), 404, 404, who -> Map.of("reason", "Rút")));
        rows.add(new Row("command", "POST", p + "/revocation", "/api/proposals/{id}/revocation",
                EnumSet.of(Who.APPROVER), 404, 0, who -> Map.of("ground", "FRAUDULENT_DECLARATION",
                "decisionNumber", "2/QĐ", "decisionDate", LocalDate.now().toString(), "explanation", "x")));
        // another unit's existing proposal: a UNIT user is told it does not exist
        rows.add(new Row("command", "POST", "/api/proposals/OTHER/withdrawal", null,
                EnumSet.of(Who.UNIT, Who.UNIT_OTHER), 404, 404, who -> Map.of("reason", "Rút")));
        // query side: real data
        rows.add(new Row("query", "GET", "/api/campaigns", "/api/campaigns", EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/campaigns/CAMPAIGN", "/api/campaigns/{id}", EVERYONE, 200, 200,
                null));
        rows.add(new Row("query", "GET", "/api/campaigns/CAMPAIGN/participants",
                "/api/campaigns/{id}/participants", EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/campaigns/CAMPAIGN/proposals", "/api/campaigns/{id}/proposals",
                EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/proposals/OWN", "/api/proposals/{id}", EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/proposals/OTHER", null, EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/awards", "/api/awards", EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/audit", "/api/audit", EnumSet.of(Who.AUDITOR, Who.ADMIN), 200, 0,
                null));
        // dashboards: a campaign's for every reader (a UNIT user's follow-up list narrowed to its unit), the figures
        // across campaigns for every role but UNIT; printed outputs asked in a format there is not
        Set<Who> readersButUnits = EnumSet.of(Who.ORGANIZER, Who.INSPECTOR, Who.COUNCIL, Who.APPROVER, Who.AUDITOR,
                Who.ADMIN);
        rows.add(new Row("query", "GET", "/api/dashboards/campaigns/CAMPAIGN", "/api/dashboards/campaigns/{id}",
                EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/dashboards/campaigns/CAMPAIGN/follow-up",
                "/api/dashboards/campaigns/{id}/follow-up", EVERYONE, 200, 200, null));
        rows.add(new Row("query", "GET", "/api/dashboards/statistics", "/api/dashboards/statistics",
                readersButUnits, 200, 0, null));
        rows.add(new Row("query", "GET", "/api/dashboards/awards", "/api/dashboards/awards", readersButUnits, 200, 0,
                null));
        rows.add(new Row("query", "GET", "/api/dashboards/waiting", "/api/dashboards/waiting", readersButUnits, 200,
                0, null));
        rows.add(new Row("query", "GET", "/api/dashboards/campaigns/CAMPAIGN/report?format=pdf",
                "/api/dashboards/campaigns/{id}/report", readersButUnits, 400, 0, null));
        rows.add(new Row("query", "GET", "/api/awards/annex?decision=1&format=docx", "/api/awards/annex",
                readersButUnits, 400, 0, null));
        // exports: an allowed call names a format there is not
        rows.add(new Row("query", "GET", "/api/awards/export?format=pdf", "/api/awards/export", EVERYONE, 400, 400,
                null));
        rows.add(new Row("query", "GET", "/api/audit/export?format=pdf", "/api/audit/export",
                EnumSet.of(Who.AUDITOR, Who.ADMIN), 400, 0, null));
        rows.add(new Row("query", "GET", "/api/campaigns/CAMPAIGN/history/export?format=pdf",
                "/api/campaigns/{id}/history/export", EnumSet.of(Who.AUDITOR, Who.ADMIN), 400, 0, null));
        rows.add(new Row("query", "GET", "/api/proposals/OWN/history/export?format=pdf",
                "/api/proposals/{id}/history/export", EnumSet.of(Who.AUDITOR, Who.ADMIN), 400, 0, null));
        // auditors' tools: histories of real data; the ledger asked for what it does not hold, or with bad input
        Set<Who> auditors = EnumSet.of(Who.AUDITOR, Who.ADMIN);
        rows.add(new Row("query", "GET", "/api/campaigns/CAMPAIGN/as-of?version=0", "/api/campaigns/{id}/as-of",
                auditors, 200, 0, null));
        rows.add(new Row("query", "GET", "/api/campaigns/CAMPAIGN/history", "/api/campaigns/{id}/history",
                auditors, 200, 0, null));
        rows.add(new Row("query", "GET", "/api/proposals/OWN/as-of?version=0", "/api/proposals/{id}/as-of",
                auditors, 200, 0, null));
        rows.add(new Row("query", "GET", "/api/proposals/OWN/history", "/api/proposals/{id}/history", auditors,
                200, 0, null));
        Set<Who> anyone = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
        rows.add(new Row("query", "GET", "/api/audit/public-key", "/api/audit/public-key", anyone, 200, 200,
                null));
        rows.add(new Row("query", "GET", "/api/audit/public-key.pem", "/api/audit/public-key.pem", anyone, 200,
                200, null));
        rows.add(new Row("query", "GET", "/api/audit/tree-heads", "/api/audit/tree-heads", auditors, 200, 0,
                null));
        rows.add(new Row("query", "GET", "/api/audit/tree-heads/latest", "/api/audit/tree-heads/latest", auditors,
                200, 0, null));
        rows.add(new Row("query", "GET", "/api/audit/tree-heads/999999999", "/api/audit/tree-heads/{size}",
                auditors, 404, 0, null));
        rows.add(new Row("query", "GET", "/api/audit/leaves/999999999", "/api/audit/leaves/{position}",
                auditors, 404, 0, null));
        rows.add(new Row("query", "GET", "/api/audit/proofs/inclusion?position=x", "/api/audit/proofs/inclusion",
                auditors, 400, 0, null));
        rows.add(new Row("query", "GET", "/api/audit/proofs/consistency?first=x", "/api/audit/proofs/consistency",
                auditors, 400, 0, null));
        rows.add(new Row("query", "POST", "/api/audit/verifications", "/api/audit/verifications", auditors, 202, 0,
                empty));
        rows.add(new Row("query", "GET", "/api/audit/verifications/" + NOWHERE, "/api/audit/verifications/{id}",
                auditors, 404, 0, null));
        rows.add(new Row("query", "POST", "/api/admin/processors/nowhere/replay",
                "/api/admin/processors/{name}/replay", EnumSet.of(Who.ADMIN), 404, 0, empty));
        rows.add(new Row("query", "GET", "/api/admin/processors/nowhere/replay",
                "/api/admin/processors/{name}/replay", EnumSet.of(Who.ADMIN), 404, 0, null));
        rows.add(new Row("query", "GET", "/api/admin/dead-letters/nowhere", "/api/admin/dead-letters/{processor}",
                EnumSet.of(Who.ADMIN), 404, 0, null));
        rows.add(new Row("query", "POST", "/api/admin/dead-letters/nowhere/retry",
                "/api/admin/dead-letters/{processor}/retry", EnumSet.of(Who.ADMIN), 404, 0, empty));
        // the integration feed and webhook subscriptions: an allowed call asks for something invalid or absent
        Set<Who> integration = EnumSet.of(Who.INTEGRATION, Who.ADMIN);
        String s = "/api/subscriptions/" + NOWHERE;
        rows.add(new Row("query", "GET", "/api/events?limit=1", "/api/events", integration, 200, 0, null));
        rows.add(new Row("query", "GET", "/api/events/stream?after=x", "/api/events/stream", integration, 400, 0,
                null));
        rows.add(new Row("query", "GET", "/api/events/types", "/api/events/types", integration, 200, 0, null));
        rows.add(new Row("query", "GET", "/api/events/types/Nothing/schema", "/api/events/types/{type}/schema",
                integration, 404, 0, null));
        rows.add(new Row("query", "POST", "/api/subscriptions", "/api/subscriptions", integration, 400, 0,
                who -> Map.of("sinkUrl", "file:///etc/passwd")));
        rows.add(new Row("query", "GET", "/api/subscriptions", "/api/subscriptions", integration, 200, 0, null));
        rows.add(new Row("query", "GET", s, "/api/subscriptions/{id}", integration, 404, 0, null));
        rows.add(new Row("query", "POST", s + "/pause", "/api/subscriptions/{id}/pause", integration, 404, 0,
                empty));
        rows.add(new Row("query", "POST", s + "/resume", "/api/subscriptions/{id}/resume", integration, 404, 0,
                empty));
        rows.add(new Row("query", "POST", s + "/secret", "/api/subscriptions/{id}/secret", integration, 404, 0,
                empty));
        rows.add(new Row("query", "POST", s + "/redeliveries", "/api/subscriptions/{id}/redeliveries",
                integration, 404, 0, who -> Map.of("after", 0)));
        rows.add(new Row("query", "GET", s + "/deliveries", "/api/subscriptions/{id}/deliveries", integration,
                404, 0, null));
        rows.add(new Row("command", "GET", "/actuator/prometheus", "/actuator/prometheus (both services)",
                EnumSet.of(Who.ADMIN), 200, 0, null));
        rows.add(new Row("query", "GET", "/actuator/prometheus", null, EnumSet.of(Who.ADMIN), 200, 0, null));
        return rows;
    }

    /** The exact status a cell must answer. */
    static int expected(Row row, Who who) {
        if (who == Who.ANONYMOUS) {
            return 401;
        }
        if (!row.allowed().contains(who)) {
            return 403;
        }
        if (row.path().contains("/api/proposals/OTHER") && row.method().equals("GET")
                && (who == Who.UNIT || who == Who.UNIT_OTHER)) {
            return 404; // another unit's proposal reads as not found
        }
        return who == Who.UNIT_OTHER ? row.otherUnitStatus() : row.allowedStatus();
    }

    @Test
    void everyCellAnswersItsExpectedStatus() {
        Api commands = new Api(platform.commandPort());
        Api queries = new Api(platform.queryPort());
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : table()) {
            for (Who who : Who.values()) {
                String user = switch (who) {
                    case ANONYMOUS -> null;
                    case UNIT, UNIT_OTHER -> "unit";
                    default -> who.name().toLowerCase();
                };
                String path = row.path().replace("CAMPAIGN", campaign).replace("OWN", ownProposal)
                        .replace("OTHER", otherProposal).replace("/UNIT/", "/" + unitOf(who) + "/");
                Api api = row.side().equals("command") ? commands : queries;
                Object body = row.body() == null ? Map.of() : row.body().apply(who);
                Api.Response r = row.method().equals("GET") ? api.get(user, path)
                        : body instanceof Document d ? api.post(user, path, d.contentType(), d.bytes())
                        : api.post(user, path, body);
                cells++;
                int expected = expected(row, who);
                if (r.status() != expected) {
                    wrong.add(row.method() + " " + row.path() + " as " + who + ": " + r.status() + " (" + r.code()
                            + "), expected " + expected);
                }
                if (r.status() >= 400) {
                    assertThat(r.contentType()).as(row.path() + " as " + who).startsWith("application/problem+json");
                }
            }
        }
        System.out.println("authorization matrix: " + cells + " cells, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(cells).isEqualTo(table().size() * Who.values().length);
    }

    /** The README's "Who may call what" table says what this table says. */
    @Test
    void theReadmeRoleTableMatchesTheMatrix() throws Exception {
        Map<String, String> fromMatrix = new TreeMap<>();
        for (Row row : table()) {
            if (row.template() == null) {
                continue;
            }
            fromMatrix.put(row.method() + " " + row.template(), row.allowed().stream()
                    .map(w -> w == Who.UNIT_OTHER ? Who.UNIT : w).distinct().sorted().map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("### Who may call what");
        assertThat(start).as("README section").isPositive();
        Map<String, String> fromReadme = new TreeMap<>();
        for (String line : readme.substring(start).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                fromReadme.put(cells[1].trim().replace("`", ""), cells[2].trim());
            } else if (line.startsWith("#") && !line.startsWith("### Who may call what")) {
                break;
            }
        }
        assertThat(fromReadme).isEqualTo(fromMatrix);
    }
}

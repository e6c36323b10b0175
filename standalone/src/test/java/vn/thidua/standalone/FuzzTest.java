package vn.thidua.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few thousand hostile requests, generated from a fixed seed, against every endpoint of the running embedded
 * default: valid bodies with one value replaced (wrong types, huge or invalid text, MongoDB operators, impossible
 * numbers and dates, nulls inside lists), broken JSON, wrong content types, oversized bodies, wrong methods, hostile
 * query parameters, and raw requests with encoded path tricks, over-long URLs and headers. Every answer must be
 * below 500, every error problem+json, and no refused request may add an event to the store.
 */
class FuzzTest {

    private static final int BODY_MUTATIONS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    record Target(String side, String path, String user, Supplier<Map<String, Object>> body) {
    }

    @Test
    void noHostileRequestCausesA5xxOrStoresAnything() throws Exception {
        try (Standalone platform = ReadModelSnapshots.start(data)) {
            Api commands = new Api(platform.commandPort());
            String campaign = commands.post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("5/KH-FUZZ", 2, 3))).body().get("id").asText();
            commands.post("organizer", "/api/campaigns/" + campaign + "/participants",
                    Map.of("unitId", "demo-unit", "unitName", "Đơn vị demo"));
            String proposal = commands.post("unit", "/api/proposals", proposalBody(campaign, "demo-unit", "A"))
                    .body().get("id").asText();
            JdbcTemplate events = new JdbcTemplate(platform.command().getBean(DataSource.class));

            Random random = new Random(20261121L);
            Map<String, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            Counter counter = new Counter(events, statuses, failures);

            // 1. valid bodies with one value replaced by something hostile
            List<Target> targets = targets(campaign, proposal);
            for (int i = 0; i < BODY_MUTATIONS; i++) {
                Target target = targets.get(random.nextInt(targets.size()));
                Map<String, Object> body = target.body().get();
                mutate(body, random);
                int port = target.side().equals("command") ? platform.commandPort() : platform.queryPort();
                counter.check("mutated " + target.path(), port, () -> raw(port, "POST", target.path(),
                        target.user(), "application/json", JSON.writeValueAsBytes(body), Map.of()));
            }
            // 2. broken JSON and wrong content types
            String[] broken = {"", "{", "{\"plan\":", "[]", "null", "1", "\"x\"", "{\"plan\":{}} trailing",
                    "{\"reason\":\"a\",\"reason\":\"b\"}", "{\"reason\":\"\\ud800\"}", "{\"reason\":" + "[".repeat(200),
                    "<xml/>", "{\"reason\":\"" + "x".repeat(200_000) + "\"}", "\u0000\u0001", "{'reason':'a'}"};
            String[] contentTypes = {"application/json", "*/*", "application/*", "text/plain", "application/xml",
                    "application/json; charset=ISO-8859-1", "application/json;;", "a/b/c", "multipart/form-data",
                    "application/x-www-form-urlencoded", null};
            for (Target target : targets) {
                int port = target.side().equals("command") ? platform.commandPort() : platform.queryPort();
                for (String body : broken) {
                    counter.check("broken " + target.path(), port, () -> raw(port, "POST", target.path(),
                            target.user(), "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of()));
                }
                for (String type : contentTypes) {
                    byte[] valid = JSON.writeValueAsBytes(target.body().get());
                    counter.check("content type " + type + " " + target.path(), port, () -> raw(port, "POST",
                            target.path(), target.user(), type, valid, Map.of()));
                }
                counter.check("2 MB " + target.path(), port, () -> raw(port, "POST", target.path(), target.user(),
                        "application/json", ("{\"reason\":\"" + "x".repeat(2_000_000) + "\"}")
                                .getBytes(StandardCharsets.UTF_8), Map.of()));
                // every other method answers 405; a replay's path also answers GET (its progress, ADMIN only)
                List<String> others = target.path().endsWith("/replay") ? List.of("PUT", "DELETE", "PATCH", "TRACE")
                        : List.of("GET", "PUT", "DELETE", "PATCH", "TRACE");
                for (String method : others) {
                    Raw wrong = counter.check(method + " " + target.path(), port, () -> raw(port, method,
                            target.path(), target.user(), null, null, Map.of()));
                    if (wrong.status() != 405) {
                        counter.failures.add(method + " " + target.path() + ": " + wrong.status() + ", not 405");
                    }
                }
            }
            // a streamed (chunked) body past the limit: 413 as well, from wherever the body is read
            // (padded with white space, which the parser reads on; a long string would hit its own limit first)
            byte[] streamed = ("{\"reason\":\"x\"" + " ".repeat(1_200_000) + "}").getBytes(StandardCharsets.UTF_8);
            for (Target target : targets) {
                if (target.side().equals("command")) {
                    Raw answer = counter.check("chunked " + target.path(), platform.commandPort(),
                            () -> chunked(platform.commandPort(), target.path(), target.user(), streamed));
                    if (answer.status() != 413) {
                        failures.add("chunked " + target.path() + ": " + answer.status() + ", not 413");
                    }
                }
            }
            // 3. hostile query parameters
            String[] values = {"-1", "2147483647", "99999999999999999999", "abc", "$ne", "{\"$ne\":null}",
                    "(a+)+$", ".*", "%00", "%ZZ", "%C0%AE", "1e400", "-1000000000-01-01T00:00:00Z",
                    "+999999999-12-31", "2020-13-45", "x".repeat(5_000), "%F0%9F%98%80", "%ED%A0%80"};
            String[] parameters = {"page", "size", "minVersion", "status", "issuer", "year", "q", "nominee",
                    "campaignId", "aggregateId", "actor", "type", "from", "to", "$where"};
            String[] queryPaths = {"/api/campaigns", "/api/campaigns/" + campaign,
                    "/api/campaigns/" + campaign + "/participants", "/api/campaigns/" + campaign + "/proposals",
                    "/api/proposals/" + proposal, "/api/awards", "/api/audit"};
            for (String path : queryPaths) {
                for (String parameter : parameters) {
                    for (String value : values) {
                        counter.check("GET " + path + "?" + parameter, platform.queryPort(),
                                () -> raw(platform.queryPort(), "GET", path + "?" + parameter + "=" + value, "admin",
                                        null, null, Map.of()));
                    }
                }
            }
            // 4. raw path tricks, long URLs and headers, on both services
            String[] paths = {"/api/campaigns/%2F..%2Fadmin", "/api/campaigns/%00", "/api/campaigns;jsessionid=x",
                    "/api/../actuator/env", "/api/campaigns/%c0%ae%c0%ae/", "//api//campaigns", "/api/campaigns/%ZZ",
                    "/api/campaigns/..%2F..%2F", "/api/campaigns/%252e%252e/", "/api/%5Ccampaigns", "/error",
                    "/api/campaigns/" + "a".repeat(10_000), "/actuator/env", "/actuator/heapdump", "/%",
                    "/api/campaigns/\u00e9", "/api/campaigns/$where", "/api/campaigns/{\"$ne\":1}"};
            for (int port : List.of(platform.commandPort(), platform.queryPort())) {
                for (String path : paths) {
                    for (String user : new String[]{null, "admin"}) {
                        for (String method : List.of("GET", "POST")) {
                            counter.check(method + " " + path, port, () -> raw(port, method, path, user,
                                    method.equals("POST") ? "application/json" : null,
                                    method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null, Map.of()));
                        }
                    }
                }
                counter.check("long header", port, () -> raw(port, "GET", "/api/campaigns", "admin", null, null,
                        Map.of("X-Long", "x".repeat(20_000))));
                counter.check("bad authorization", port, () -> raw(port, "GET", "/api/campaigns", null, null, null,
                        Map.of("Authorization", "Basic %%%")));
                counter.check("own correlation id", port, () -> raw(port, "GET", "/api/campaigns", "admin", null,
                        null, Map.of("X-Correlation-Id", "x\r\nInjected: yes")));
            }

            System.out.println("fuzz: " + counter.sent + " requests, statuses " + statuses + ", "
                    + failures.size() + " failures");
            assertThat(failures).as("5xx, non-problem errors or events stored by a refused request").isEmpty();
            assertThat(counter.sent).isGreaterThan(3_000);
        }
    }

    /** Sends requests and checks each answer; counts stored events before and after each one. */
    static final class Counter {
        final JdbcTemplate events;
        final Map<String, Integer> statuses;
        final List<String> failures;
        int sent;

        Counter(JdbcTemplate events, Map<String, Integer> statuses, List<String> failures) {
            this.events = events;
            this.statuses = statuses;
            this.failures = failures;
        }

        Raw check(String what, int port, ThrowingSupplier<Raw> request) throws Exception {
            long before = count();
            Raw answer = request.get();
            sent++;
            statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
            if (answer.status() >= 500 || answer.status() < 100) {
                failures.add(what + ": " + answer.status() + " " + answer.body().substring(0,
                        Math.min(200, answer.body().length())));
            } else if (answer.status() >= 400 && (answer.contentType() == null
                    || !answer.contentType().startsWith("application/problem+json"))) {
                failures.add(what + ": " + answer.status() + " with " + answer.contentType());
            }
            if (answer.status() / 100 != 2 && count() != before) {
                failures.add(what + ": refused with " + answer.status() + " but the event store grew");
            }
            return answer;
        }

        private long count() {
            return events.queryForObject("SELECT COUNT(*) FROM DOMAIN_EVENT_ENTRY", Long.class);
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    record Raw(int status, String contentType, String body) {
    }

    /** One HTTP/1.1 request over a plain socket, exactly as written (no client-side normalisation). */
    static Raw raw(int port, String method, String path, String user, String contentType, byte[] body,
                   Map<String, String> headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            if (user != null) {
                head.append("Authorization: Basic ").append(java.util.Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                try {
                    out.write(body);
                } catch (java.net.SocketException closedEarly) {
                    // the server answered (e.g. 413) and closed before reading the whole body
                }
            }
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String status = in.readLine();
            if (status == null) {
                return new Raw(-1, null, "connection closed without an answer");
            }
            String type = null;
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            StringBuilder rest = new StringBuilder();
            char[] buffer = new char[4096];
            int n;
            while (rest.length() < 10_000 && (n = in.read(buffer)) > 0) {
                rest.append(buffer, 0, n);
            }
            return new Raw(Integer.parseInt(status.split(" ")[1]), type, rest.toString());
        }
    }

    /** A POST whose body is streamed with chunked transfer encoding (no declared length). */
    static Raw chunked(int port, String path, String user, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    static List<Target> targets(String c, String p) {
        String campaign = "/api/campaigns/" + c;
        String proposal = "/api/proposals/" + p;
        String today = LocalDate.now().toString();
        List<Target> t = new ArrayList<>();
        t.add(new Target("command", "/api/campaigns", "organizer", () -> mutable(Map.of("plan",
                TestPlans.plan("F-" + System.nanoTime(), 2, 3)))));
        t.add(new Target("command", campaign + "/amendments", "organizer", () -> mutable(Map.of("reason", "Sửa",
                "plan", TestPlans.plan("5/KH-FUZZ", 2, 3)))));
        t.add(new Target("command", campaign + "/quota-allocations", "organizer", () -> mutable(Map.of("schemeId",
                "BK", "collectives", 1, "individuals", 2, "reference", "QĐ 1"))));
        t.add(new Target("command", campaign + "/participants", "unit", () -> mutable(Map.of("unitId", "demo-unit",
                "unitName", "Đơn vị", "pledgedWorks", List.of(Map.of("workId", "w", "title", "T"))))));
        t.add(new Target("command", campaign + "/participants/demo-unit/works", "unit", () -> mutable(Map.of(
                "workId", "w" + System.nanoTime(), "title", "Công trình", "description", "Mô tả"))));
        t.add(new Target("command", campaign + "/inspections", "inspector", () -> mutable(Map.of("unitId",
                "demo-unit", "inspectedOn", today, "inspectedBy", "Đoàn", "findings", "Tốt", "rating", "GOOD"))));
        t.add(new Target("command", campaign + "/reports", "unit", () -> mutable(Map.of("unitId", "demo-unit",
                "kind", "INTERIM", "summary", "Sơ kết"))));
        t.add(new Target("command", "/api/proposals", "unit", () -> proposalBody(c, "demo-unit", "N" + System.nanoTime())));
        t.add(new Target("command", proposal + "/returns", "organizer", () -> mutable(Map.of("reason", "Thiếu"))));
        t.add(new Target("command", proposal + "/supplements", "unit", () -> mutable(Map.of("documents",
                TestPlans.districtDossier(), "note", "Bổ sung"))));
        t.add(new Target("command", proposal + "/appraisals", "organizer", () -> mutable(Map.of("favourable",
                true, "opinion", "Đạt"))));
        t.add(new Target("command", proposal + "/votes", "council", () -> mutable(Map.of("membersTotal", 9,
                "votesFor", 8, "votesAgainst", 1, "abstaining", 0))));
        t.add(new Target("command", proposal + "/award", "approver", () -> mutable(Map.of("decisionNumber", "1/QĐ",
                "decisionDate", today, "signerName", "A", "signerTitle", "Chủ tịch"))));
        t.add(new Target("command", proposal + "/rejection", "council", () -> mutable(Map.of("reason", "Không"))));
        t.add(new Target("command", proposal + "/withdrawal", "unit", () -> mutable(Map.of("reason", "Rút"))));
        t.add(new Target("command", proposal + "/revocation", "approver", () -> mutable(Map.of("ground",
                "FRAUDULENT_DECLARATION", "decisionNumber", "2/QĐ", "decisionDate", today, "explanation", "x"))));
        t.add(new Target("command", campaign + "/conclusion", "organizer", () -> mutable(Map.of("summary", "x"))));
        t.add(new Target("query", "/api/admin/processors/read-models/replay", "auditor", () -> mutable(Map.of())));
        return t;
    }

    static Map<String, Object> proposalBody(String campaign, String unit, String nominee) {
        return mutable(Map.of("campaignId", campaign, "proposingUnitId", unit, "nominee", Map.of("kind",
                "INDIVIDUAL", "name", nominee), "schemeId", "GK", "achievementSummary", "Hoàn thành",
                "achievementYear", LocalDate.now().getYear(), "documents", TestPlans.districtDossier()));
    }

    /** A deep, mutable copy (JSON round trip). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mutable(Object value) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), LinkedHashMap.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Object[] HOSTILE = {null, "", " ", 5, -1, 0, Integer.MAX_VALUE, Long.MIN_VALUE, 1e308,
            "1e-20000000", new java.math.BigDecimal("1e-20000000"), true, "true", "5", List.of(), List.of("x"),
            java.util.Arrays.asList("a", null), Map.of(), Map.of("$ne", ""), Map.of("$where", "sleep(1000)"),
            "$where", "{\"$gt\":\"\"}", "\ud800", "a\u0000b", "\u202e", "x".repeat(20_000), "x".repeat(600),
            "+999999999-12-31", "-999999999-01-01", "2020-02-30", "../../etc/passwd", "<script>alert(1)</script>",
            "SUPERB", "COLLECTIVE", "bố trạch", "u1/../x", "a b", 1.5};

    /** Replaces one value, somewhere in the body, by a hostile one (or adds an unknown property). */
    @SuppressWarnings("unchecked")
    static void mutate(Map<String, Object> body, Random random) {
        if (random.nextInt(20) == 0) {
            body.put("unexpected" + random.nextInt(3), "x");
            return;
        }
        Object node = body;
        while (true) {
            if (node instanceof Map<?, ?> map && !map.isEmpty()) {
                List<Object> keys = new ArrayList<>(map.keySet());
                Object key = keys.get(random.nextInt(keys.size()));
                Object child = map.get(key);
                if ((child instanceof Map<?, ?> || child instanceof List<?>) && random.nextBoolean()) {
                    node = child;
                    continue;
                }
                ((Map<Object, Object>) map).put(key, HOSTILE[random.nextInt(HOSTILE.length)]);
                return;
            }
            if (node instanceof List<?> list && !list.isEmpty()) {
                int index = random.nextInt(list.size());
                Object child = list.get(index);
                if ((child instanceof Map<?, ?> || child instanceof List<?>) && random.nextBoolean()) {
                    node = child;
                    continue;
                }
                ((List<Object>) list).set(index, HOSTILE[random.nextInt(HOSTILE.length)]);
                return;
            }
            return;
        }
    }
}

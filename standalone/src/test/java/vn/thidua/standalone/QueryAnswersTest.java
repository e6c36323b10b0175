package vn.thidua.standalone;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.projections.ReadModels;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every filtered query answers the same, byte for byte, whichever way the store is read: through the key index and
 * unique {@code _id} lookups (the embedded default: mongo-java-server uses no other index) or through the MongoDB
 * query with its filter and sort (the distributed setup, {@code thidua.query.secondary-indexes=true}). The demo's
 * campaigns and a campaign with two units, every filter and text search of one, two, three and more letters,
 * pages, and a unit user's narrower view; and the audit by time window alone, or unfiltered, against a scan.
 */
class QueryAnswersTest {

    @TempDir
    Path data;

    @Test
    void theKeyIndexAnswersEveryQueryAsTheStoresOwnQueryDoes() {
        List<String> campaigns;
        Map<String, String> byKeys;
        try (Standalone platform = ReadModelSnapshots.start(data, "--demo")) {
            Api commands = new Api(platform.commandPort());
            String id = commands.post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("91/KH-UBND", 2, 3))).body().get("id").asText();
            for (String unit : List.of("other-unit", "demo-unit", "third-unit")) {
                assertThat(commands.post("organizer", "/api/campaigns/" + id + "/participants",
                        Map.of("unitId", unit, "unitName", "Đơn vị " + unit)).status()).isEqualTo(200);
            }
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            MongoDatabase database = platform.query().getBean(MongoDatabase.class);
            assertThat(database.getCollection(ReadModels.KEY_INDEX).estimatedDocumentCount()).isPositive();
            Api queries = new Api(platform.queryPort());
            campaigns = new ArrayList<>();
            queries.get("auditor", "/api/campaigns?size=100").body().get("items")
                    .forEach(c -> campaigns.add(c.get("id").asText()));
            assertThat(campaigns).hasSize(5);
            byKeys = answers(queries, campaigns);
            auditWindowsAnswerAsAScan(queries, database);
        }
        Map<String, String> byStoreQuery;
        try (Standalone platform = ReadModelSnapshots.start(data, "--thidua.query.secondary-indexes=true")) {
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            byStoreQuery = answers(new Api(platform.queryPort()), campaigns);
        }
        assertThat(byKeys.keySet()).containsExactlyElementsOf(byStoreQuery.keySet());
        byKeys.forEach((query, answer) -> assertThat(answer).as(query).isEqualTo(byStoreQuery.get(query)));
        // the other plans a text search can take (ReadModelQueries#pageByKeys) answer the same: every narrowing key
        // read and the texts tested on the text keys; or the rarest key alone and the texts tested on the documents
        for (String[] plan : List.of(new String[]{"0", "0"}, new String[]{"1000000", "1000000"},
                new String[]{"1", "1000000"})) {
            try (Standalone platform = ReadModelSnapshots.start(data, "--thidua.query.search.narrow-enough=" + plan[0],
                    "--thidua.query.search.document-tests=" + plan[1])) {
                ReadModelSnapshots.awaitCaughtUp(platform.query());
                Map<String, String> byPlan = answers(new Api(platform.queryPort()), campaigns);
                byPlan.forEach((query, answer) -> assertThat(answer).as(String.join("/", plan) + " " + query)
                        .isEqualTo(byStoreQuery.get(query)));
            }
        }
        long nonEmpty = byKeys.values().stream().filter(a -> !a.contains("\"total\":0")).count();
        assertThat(nonEmpty).as("queries with answers").isGreaterThan(byKeys.size() / 2);
    }

    /** The audit by time window alone, and unfiltered, page by page: the entries a scan of the collection finds. */
    private static void auditWindowsAnswerAsAScan(Api queries, MongoDatabase database) {
        Instant now = Instant.now();
        List<String[]> windows = List.of(new String[]{"2020-06-25", null}, new String[]{null, "2020-06-25"},
                new String[]{"2020-06-25T02:00:00Z", "2020-12-31"}, new String[]{"2021-01-01", "2022-06-30T03:00:00Z"},
                new String[]{now.minusSeconds(600).toString(), null}, new String[]{null, null},
                new String[]{"2019-01-01", "2019-12-31"});
        for (String[] window : windows) {
            Instant from = window[0] == null ? null : instant(window[0], false);
            Instant to = window[1] == null ? null : instant(window[1], true);
            List<Long> expected = new ArrayList<>();
            for (Document entry : database.getCollection(ReadModels.AUDIT).find().sort(Sorts.ascending("_id"))) {
                Instant at = entry.getDate("timestamp").toInstant();
                if ((from == null || !at.isBefore(from)) && (to == null || at.isBefore(to))) {
                    expected.add(((Number) entry.get("_id")).longValue());
                }
            }
            String query = (window[0] == null ? "" : "from=" + window[0] + "&")
                    + (window[1] == null ? "" : "to=" + window[1] + "&");
            for (int page = 0; page * 30 < Math.max(1, expected.size()); page++) {
                var answer = queries.get("auditor", "/api/audit?" + query + "size=30&page=" + page).body();
                assertThat(answer.get("total").asLong()).as(query).isEqualTo(expected.size());
                List<Long> ids = new ArrayList<>();
                answer.get("items").forEach(item -> ids.add(item.get("id").asLong()));
                assertThat(ids).as(query + " page " + page)
                        .isEqualTo(expected.subList(page * 30, Math.min(expected.size(), page * 30 + 30)));
            }
        }
    }

    private static Instant instant(String value, boolean end) {
        if (value.length() > 10) {
            return Instant.parse(value);
        }
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1) : day).atStartOfDay(DomainClock.VIETNAM).toInstant();
    }

    private static Map<String, String> answers(Api queries, List<String> campaigns) {
        List<String> paths = new ArrayList<>();
        for (String filter : List.of("", "page=1&size=2", "status=CONCLUDED", "status=CLOSED", "status=LAUNCHED",
                "year=2020", "year=2022&size=1", "q=thu", "q=bo trach", "q=THỪA", "q=a", "q=tr", "q=huyen thu",
                "q=zzz", "issuer=uy ban", "issuer=ha tinh&year=2022", "issuer=ủy&status=CONCLUDED&page=1&size=1",
                "q=thi dua 2020&issuer=huyen", "q=kế hoạch&size=2&page=1", "q=2020", "q=h t",
                "issuer=huyen&q=bo")) {
            paths.add("/api/campaigns?" + filter);
        }
        for (String campaign : campaigns) {
            for (String filter : List.of("", "size=2&page=1")) {
                paths.add("/api/campaigns/" + campaign + "/participants?" + filter);
            }
            for (String filter : List.of("", "status=AWARDED", "status=REJECTED", "status=SUBMITTED",
                    "size=5&page=2")) {
                paths.add("/api/campaigns/" + campaign + "/proposals?" + filter);
            }
        }
        for (String filter : List.of("", "year=2020", "year=2021&page=1&size=3", "nominee=nguyen", "nominee=ng",
                "nominee=văn", "nominee=van a", "nominee=xyz", "campaignId=thu-thua-dai-hoi-2020",
                "campaignId=thu-thua-dai-hoi-2020&year=2020&page=1&size=3", "nominee=tr&campaignId=bo-trach-2020",
                "nominee=cb-tt-05", "nominee=cb", "nominee=0", "nominee=nguyễn thị&size=2&page=1", "nominee=n t h",
                "nominee=binh thanh&year=2020", "nominee=loan hong")) {
            paths.add("/api/awards?" + filter);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            String encoded = encode(path);
            for (String user : List.of("auditor", "unit")) {
                Api.Response response = queries.get(user, encoded);
                assertThat(response.status()).as(user + " " + path).isEqualTo(200);
                answers.put(user + " " + path, response.text());
            }
        }
        return answers;
    }

    /** The query string's values URL-encoded (spaces, Vietnamese letters). */
    private static String encode(String path) {
        int q = path.indexOf('?');
        if (q < 0 || q == path.length() - 1) {
            return path;
        }
        List<String> parts = new ArrayList<>();
        for (String pair : path.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            parts.add(pair.substring(0, eq + 1) + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return path.substring(0, q + 1) + String.join("&", parts);
    }
}

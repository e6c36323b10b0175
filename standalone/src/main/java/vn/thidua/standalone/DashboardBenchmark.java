package vn.thidua.standalone;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import vn.thidua.projections.ReadModels;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's dashboard figures (issue 13): every dashboard answer over HTTP as a reader of the API asks it, and
 * a campaign's web page rendered for a reader logged in through the form, each beside the floor (a campaign read by
 * its id through the same HTTP path), with the number of campaigns the store holds.
 */
final class DashboardBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private DashboardBenchmark() {
    }

    static void run(LoadGenerator http, MongoDatabase database, int queryPort, int times, long budgetMillis)
            throws IOException, InterruptedException {
        long campaigns = database.getCollection(ReadModels.CAMPAIGNS).estimatedDocumentCount();
        List<String> ids = database.getCollection(ReadModels.CAMPAIGNS).find(Filters.regex("_id", "^bench-"))
                .limit(100).map(d -> d.getString("_id")).into(new ArrayList<>());
        if (ids.isEmpty()) {
            return;
        }
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("campaign by id (floor)", ids.stream().map(c -> "/api/campaigns/" + c).toList());
        queries.put("a campaign's dashboard", ids.stream().map(c -> "/api/dashboards/campaigns/" + c).toList());
        queries.put("its units to follow up", ids.stream()
                .map(c -> "/api/dashboards/campaigns/" + c + "/follow-up?reason=NO_REPORT").toList());
        queries.put("statistics, all campaigns", List.of("/api/dashboards/statistics"));
        queries.put("statistics, filtered", List.of("/api/dashboards/statistics?status=LAUNCHED",
                "/api/dashboards/statistics?year=" + java.time.Year.now().getValue(),
                "/api/dashboards/statistics?issuer=thu%20thua&level=DISTRICT"));
        queries.put("awards by form, level, year", List.of("/api/dashboards/awards",
                "/api/dashboards/awards?from=2015&to=2030"));
        queries.put("proposals waiting per step", List.of("/api/dashboards/waiting"));
        queries.put("waiting in one campaign", ids.stream().map(c -> "/api/dashboards/waiting?campaignId=" + c)
                .toList());
        http.timeQueries(queries.values().iterator().next(), 20); // warm-up
        double floor = 0;
        for (Map.Entry<String, List<String>> query : queries.entrySet()) {
            http.timeQueries(query.getValue(), Math.min(10, times)); // this query's code compiled first
            List<Double> millis = http.timeQueries(query.getValue(), times, budgetMillis);
            if (floor == 0) {
                floor = p(millis, 99);
            }
            System.out.printf("  dashboard %-28s p50 %6.1f ms, p99 %6.1f ms, p99/floor %4.1f (%,d campaigns; goal p99"
                    + " ≤ 50 ms)%n", query.getKey(), p(millis, 50), p(millis, 99), p(millis, 99) / floor, campaigns);
        }
        List<Double> pages = pageTimes(queryPort, ids.stream().map(c -> "/web/campaigns/" + c).toList(), times,
                budgetMillis);
        System.out.printf("  web page of a campaign (rendered, over HTTP, logged in)  p50 %6.1f ms, p99 %6.1f ms,"
                + " p99/floor %4.1f (goal ≤ 300 ms server-side)%n", p(pages, 50), p(pages, 99), p(pages, 99) / floor);
    }

    /** Pages asked by a reader logged in through the form (a session cookie), each timed to its last byte. */
    private static List<Double> pageTimes(int port, List<String> paths, int times, long budgetMillis)
            throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login form");
        }
        String body = "username=organizer&password=demo&_csrf=" + csrf.group(1);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("the form login failed: " + login.statusCode());
        }
        for (int i = 0; i < 20; i++) {
            page(client, base + paths.get(i % paths.size())); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        long deadline = System.nanoTime() + budgetMillis * 1_000_000;
        for (int i = 0; i < times && (i < paths.size() || System.nanoTime() < deadline); i++) {
            long t0 = System.nanoTime();
            page(client, base + paths.get(i % paths.size()));
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static void page(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("id=\"dashboard\"")) {
            throw new IllegalStateException("page " + url + ": " + response.statusCode());
        }
    }

    private static double p(List<Double> sorted, double percentile) {
        return LoadGenerator.percentile(sorted, percentile);
    }
}

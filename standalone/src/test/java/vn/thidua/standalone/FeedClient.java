package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The integration feed read over HTTP as an integrator would, with the headers the generic test client drops. */
final class FeedClient {

    record Page(int status, String contentType, long next, long head, String link, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    FeedClient(int port) {
        this.base = "http://localhost:" + port;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    Page get(String user, String pathAndQuery) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .header("Authorization", basic(user)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Thidua-Next-After").map(Long::parseLong).orElse(Long.MIN_VALUE),
                    r.headers().firstValue("Thidua-Head").map(Long::parseLong).orElse(Long.MIN_VALUE),
                    r.headers().firstValue("Link").orElse(null),
                    r.body().isBlank() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET as text (a 200 is expected). */
    String text(String user, String pathAndQuery) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .header("Authorization", basic(user)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event after {@code after} matching {@code filter} (a query string, or ""), page by page. */
    List<JsonNode> all(long after, String filter, int limit) {
        List<JsonNode> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            Page page = get("integration", "/api/events?after=" + cursor + "&limit=" + limit + filter);
            if (page.status() != 200) {
                throw new AssertionError("feed answered " + page.status() + ": " + page.body());
            }
            page.body().forEach(events::add);
            if (page.next() == cursor && page.body().isEmpty()) {
                return events;
            }
            cursor = page.next();
        }
    }
}

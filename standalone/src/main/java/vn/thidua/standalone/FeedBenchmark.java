package vn.thidua.standalone;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpServer;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's integration-feed figures, measured as an integrator would see them over loopback HTTP: the pull
 * feed read from the beginning in pages of {@value #PAGE} (each page parsed), and one webhook subscription delivering
 * events to a receiver in this process (the JDK's HTTP server, answering 204 at once on its own thread).
 */
final class FeedBenchmark {

    static final int PAGE = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString("integration:demo".getBytes(StandardCharsets.UTF_8));

    FeedBenchmark(int queryPort) {
        this.base = "http://127.0.0.1:" + queryPort;
    }

    /**
     * A measured rate: how many events, at how many per second, and (webhooks) how long after the subscription was
     * made the first arrived.
     */
    record Rate(long events, double perSecond, double firstAfterSeconds) {
    }

    /**
     * Every stored event read through {@code GET /api/events}, in pages of {@value #PAGE}, with a blocking client
     * (Apache HttpClient's classic one, which reads each page on this thread: the JDK's client passes every buffer
     * through its selector thread, and on two cores that was CPU taken from the feed being measured); at most
     * {@code atMost} events.
     */
    Rate pull(long atMost) throws IOException {
        long events = 0;
        long cursor = -1;
        long t0 = System.nanoTime();
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            while (true) {
                HttpGet get = new HttpGet(base + "/api/events?limit=" + PAGE + "&after=" + cursor);
                get.setHeader("Authorization", authorization);
                long[] read = client.execute(get, page -> {
                    if (page.getCode() != 200) {
                        throw new IllegalStateException("feed answered " + page.getCode());
                    }
                    return new long[]{count(page.getEntity().getContent()),
                            Long.parseLong(page.getFirstHeader("Thidua-Next-After").getValue())};
                });
                events += read[0];
                if (read[0] == 0 && read[1] == cursor || events >= atMost) {
                    break;
                }
                cursor = read[1];
            }
        }
        return new Rate(events, events / ((System.nanoTime() - t0) / 1e9), 0);
    }

    /** How many CloudEvents a batch holds, reading every token of it. */
    private static int count(InputStream body) throws IOException {
        int events = 0;
        try (body; JsonParser parser = JSON.createParser(body)) {
            parser.nextToken(); // [
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parser.skipChildren();
                events++;
            }
        }
        return events;
    }

    /**
     * One subscription delivering its first {@code events} events to a local receiver: the rate between the first
     * delivery and the last (the first comes when a node claims the new subscription, within a second).
     */
    Rate webhook(long events) throws IOException, InterruptedException {
        AtomicLong received = new AtomicLong();
        AtomicLong firstAt = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        // no executor: each request is answered on the server's own thread, as a receiver that only counts would
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            if (received.incrementAndGet() == 1) {
                firstAt.set(now);
            }
            lastAt.set(now);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String id = null;
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/subscriptions"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sinkUrl\":\"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/hook\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("subscription refused: " + created.body());
            }
            id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (received.get() < events && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return new Rate(received.get(), (received.get() - 1) / ((lastAt.get() - firstAt.get()) / 1e9),
                    (firstAt.get() - t0) / 1e9);
        } finally {
            if (id != null) {
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/subscriptions/" + id))
                        .header("Authorization", authorization).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
            receiver.stop(0);
        }
    }
}

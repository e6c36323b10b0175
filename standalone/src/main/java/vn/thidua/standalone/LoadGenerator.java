package vn.thidua.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's HTTP load: {@code clients} concurrent clients, each on its own young campaign, register units one
 * after another through the command API and, after each acknowledgement, read the campaign back through the query API
 * with the version the command answered ({@code minVersion}): how many commands per second, how long each takes, and
 * how long after its acknowledgement a command is readable.
 * <p>
 * Bounded by construction: at most {@value #MAX_CLIENTS} clients and {@value #MAX_REQUESTS_PER_CLIENT} commands
 * each, and only ever sent to this machine ({@code 127.0.0.1}); a load generator is no tool to point at a server
 * one does not own.
 */
public final class LoadGenerator {

    static final int MAX_CLIENTS = 64;
    static final int MAX_REQUESTS_PER_CLIENT = 100_000;
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    /** Latencies in milliseconds, sorted, and the counts of a run. */
    public record Result(int clients, long commands, long errors, double seconds, List<Double> commandMillis,
                         List<Double> readableMillis) {

        public double commandsPerSecond() {
            return commands / seconds;
        }
    }

    private final int commandPort;
    private final int queryPort;
    private final String user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LoadGenerator(int commandPort, int queryPort, String user) {
        this.commandPort = checkedPort(commandPort);
        this.queryPort = checkedPort(queryPort);
        this.user = user;
    }

    private static int checkedPort(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("No such port: " + port);
        }
        return port;
    }

    /**
     * Client {@code i} registers {@code perClient} units in {@code campaigns.get(i)}, checking each is readable.
     */
    public Result run(List<String> campaigns, int perClient) throws InterruptedException {
        int clients = campaigns.size();
        if (clients < 1 || clients > MAX_CLIENTS || perClient < 1 || perClient > MAX_REQUESTS_PER_CLIENT) {
            throw new IllegalArgumentException("Between 1 and " + MAX_CLIENTS + " clients of 1 to "
                    + MAX_REQUESTS_PER_CLIENT + " commands each, not " + clients + " × " + perClient);
        }
        List<Double> commandMillis = Collections.synchronizedList(new ArrayList<>());
        List<Double> readableMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String campaign : campaigns) {
                running.add(pool.submit(() -> client(campaign, perClient, commandMillis, readableMillis, errors)));
            }
            for (Future<?> client : running) {
                try {
                    client.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> commands = new ArrayList<>(commandMillis);
        List<Double> readable = new ArrayList<>(readableMillis);
        Collections.sort(commands);
        Collections.sort(readable);
        return new Result(clients, commands.size(), errors.get(), seconds, commands, readable);
    }

    private void client(String campaign, int count, List<Double> commandMillis, List<Double> readableMillis,
                        AtomicLong errors) {
        for (int i = 0; i < count; i++) {
            String unit = "http-" + i;
            String body = "{\"unitId\":\"" + unit + "\",\"unitName\":\"Đơn vị tải số " + i + "\"}";
            long t0 = System.nanoTime();
            HttpResponse<String> ack = send(commandPort, "/api/campaigns/" + campaign + "/participants", body);
            long acked = System.nanoTime();
            if (ack == null || ack.statusCode() / 100 != 2) {
                errors.incrementAndGet();
                continue;
            }
            commandMillis.add((acked - t0) / 1e6);
            Matcher version = VERSION.matcher(ack.body());
            if (!version.find()) {
                errors.incrementAndGet();
                continue;
            }
            HttpResponse<String> read = send(queryPort, "/api/campaigns/" + campaign + "?minVersion="
                    + version.group(1), null);
            if (read == null || read.statusCode() != 200) {
                errors.incrementAndGet();
                continue;
            }
            readableMillis.add((System.nanoTime() - acked) / 1e6);
        }
    }

    /** POST when there is a body, else GET; null when the connection failed. */
    private HttpResponse<String> send(int port, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A GET timed {@code times} times, cycling through {@code paths}: sorted latencies in milliseconds. */
    public List<Double> timeQueries(List<String> paths, int times) {
        return timeQueries(paths, times, Long.MAX_VALUE);
    }

    /**
     * As {@link #timeQueries(List, int)}, stopping early once {@code budgetMillis} have passed (after at least one
     * round of the paths): a query that takes seconds at a million events is measured, not repeated for minutes.
     */
    public List<Double> timeQueries(List<String> paths, int times, long budgetMillis) {
        List<Double> millis = new ArrayList<>();
        long deadline = System.nanoTime() + Math.min(budgetMillis, Long.MAX_VALUE / 2_000_000) * 1_000_000;
        for (int i = 0; i < times && (i < paths.size() || System.nanoTime() < deadline); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = send(queryPort, paths.get(i % paths.size()), null);
            if (response == null || response.statusCode() != 200) {
                throw new IllegalStateException("Query " + paths.get(i % paths.size()) + " failed: "
                        + (response == null ? "no connection" : response.statusCode() + " " + response.body()));
            }
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    /** The value below which {@code p} percent of the sorted values lie (nearest rank). */
    public static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}

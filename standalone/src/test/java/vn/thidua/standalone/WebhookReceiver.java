package vn.thidua.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.thidua.domain.testing.Waiting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A webhook sink as an integrator would run one: the JDK's HTTP server on loopback, answering each path as the test
 * scripts it, recording every request, and verifying Standard Webhooks signatures with its own HMAC code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, String id, long timestamp, String signature, String contentType, String body,
                    long receivedAtMillis, int answered) {
    }

    /** How to answer: a status and headers, after {@code delayMillis}, with a body of {@code bodyBytes} bytes. */
    record Answer(int status, Map<String, String> headers, long delayMillis, int bodyBytes) {
        Answer(int status, Map<String, String> headers) {
            this(status, headers, 0, 0);
        }

        static Answer ok() {
            return new Answer(200, Map.of());
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Answer>> scripts = new ConcurrentHashMap<>();
    private HttpServer server;
    private final int port;

    WebhookReceiver(int port) throws IOException {
        this.server = start(port);
        this.port = server.getAddress().getPort();
    }

    private HttpServer start(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        s.setExecutor(Executors.newCachedThreadPool()); // a slow answer holds its own thread only
        s.createContext("/", this::handle);
        s.start();
        return s;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void script(String path, Function<Received, Answer> answer) {
        scripts.put(path, answer);
    }

    /** Stops listening (connections are refused) until {@link #up()}. */
    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        server = start(port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        Received r = new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                ts == null ? -1 : Long.parseLong(ts), exchange.getRequestHeaders().getFirst("webhook-signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8),
                System.currentTimeMillis(), 0);
        Answer answer = scripts.getOrDefault(path, x -> Answer.ok()).apply(r);
        received.add(new Received(r.path(), r.id(), r.timestamp(), r.signature(), r.contentType(), r.body(),
                r.receivedAtMillis(), answer.status()));
        if (answer.delayMillis() > 0) {
            Waiting.sleep(answer.delayMillis());
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        try {
            exchange.sendResponseHeaders(answer.status(), answer.bodyBytes() > 0 ? answer.bodyBytes() : -1);
            if (answer.bodyBytes() > 0) {
                byte[] chunk = new byte[8192];
                for (int left = answer.bodyBytes(); left > 0; left -= chunk.length) {
                    exchange.getResponseBody().write(chunk, 0, Math.min(left, chunk.length));
                }
            }
        } catch (IOException closedBySender) {
            // the platform gave up on this answer (timeout, or a body longer than it reads)
        } finally {
            exchange.close();
        }
    }

    List<Received> received(String path) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The requests of {@code path} answered 2xx, in arrival order. */
    List<Received> delivered(String path) {
        return received(path).stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    /**
     * Whether {@code signature} (the header: one or more "v1,&lt;base64&gt;" separated by spaces) holds a valid
     * signature of this request by {@code secret} ("whsec_&lt;base64 key&gt;"): HMAC-SHA256 over
     * "id.timestamp.body", computed here without the platform's library.
     */
    static boolean signedBy(Received r, String secret) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            for (String candidate : r.signature().split(" ")) {
                if (candidate.equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package vn.thidua.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the API, as an integrator would call it. */
public final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** {@code body}: the answer read as JSON when it is JSON, else null; {@code text}: the answer as sent. */
    public record Response(int status, String contentType, String location, String correlationId, JsonNode body,
                           String text) {
        public String code() {
            return body == null ? null : body.path("code").asText(null);
        }
    }

    public Response post(String user, String path, Object body) {
        return post(user, path, body, null);
    }

    public Response post(String user, String path, Object body, String correlationId) {
        try {
            String payload = body instanceof String s ? s : json.writeValueAsString(body);
            return send(user, correlationId, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body sent as it is, with its own content type (a document to read). */
    public Response post(String user, String path, String contentType, byte[] body) {
        return send(user, null, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response get(String user, String path) {
        return send(user, null, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Response send(String user, String correlationId, HttpRequest.Builder request) {
        try {
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
            if (correlationId != null) {
                request.header("X-Correlation-Id", correlationId);
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            boolean isJson = contentType == null || contentType.contains("json");
            JsonNode parsed = response.body().isBlank() || !isJson ? null : json.readTree(response.body());
            return new Response(response.statusCode(), contentType,
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("X-Correlation-Id").orElse(null), parsed, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

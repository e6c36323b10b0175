package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.domain.testing.Waiting;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook subscriptions against the running embedded default with the demo loaded, delivering to a real HTTP
 * receiver (the JDK's server) whose signatures the test checks with its own HMAC: every event once, in order; 429
 * with Retry-After honoured; 503 and a receiver that is down retried until it is back; 410 disables; a delivery that
 * fails past the retry horizon parks the subscription (health says so) and resumes from the failed event; a rotated
 * secret signs beside the new one; redelivery from a position; sinks on internal networks refused.
 */
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Standalone platform;
    static Api api;
    static WebhookReceiver receiver;
    static List<StoredEvents.Row> stored;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(0);
        platform = ReadModelSnapshots.start(data, "--demo", "--thidua.webhooks.allowed-hosts=127.0.0.1",
                "--thidua.webhooks.initial-backoff=100ms", "--thidua.webhooks.max-backoff=400ms",
                "--thidua.webhooks.retry-horizon=3s", "--thidua.webhooks.claim-check=200ms",
                "--thidua.webhooks.request-timeout=1s");
        api = new Api(platform.queryPort());
        stored = StoredEvents.all(platform.command().getBean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        platform.close();
        receiver.close();
    }

    private static JsonNode subscribe(String path, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("sinkUrl", receiver.url(path));
        Api.Response created = api.post("integration", "/api/subscriptions", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("secret").asText()).startsWith("whsec_");
        return created.body();
    }

    private static List<String> ids(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::id).toList();
    }

    private static List<String> storedIds(String name) {
        return stored.stream().filter(r -> name == null || r.name().equals(name)).map(StoredEvents.Row::eventId)
                .toList();
    }

    @Test
    void everyEventArrivesOnceInOrderSignedAsACloudEvent() throws Exception {
        JsonNode subscription = subscribe("/all", Map.of());
        String secret = subscription.get("secret").asText();
        Waiting.until(() -> receiver.delivered("/all").size() >= stored.size(), Duration.ofSeconds(60));
        // (other tests may add events meanwhile: they come after these)
        List<WebhookReceiver.Received> got = receiver.received("/all").subList(0, stored.size());
        assertThat(ids(got)).isEqualTo(storedIds(null));
        for (int i = 0; i < got.size(); i++) {
            WebhookReceiver.Received r = got.get(i);
            assertThat(WebhookReceiver.signedBy(r, secret)).as("signature of " + r.id()).isTrue();
            assertThat(r.contentType()).startsWith("application/cloudevents+json");
            JsonNode event = JSON.readTree(r.body());
            assertThat(event.get("id").asText()).isEqualTo(r.id());
            assertThat(event.get("position").asLong()).isEqualTo(stored.get(i).position());
            assertThat(event.get("data")).isEqualTo(stored.get(i).payload());
            assertThat(Math.abs(r.timestamp() - r.receivedAtMillis() / 1000)).isLessThanOrEqualTo(5);
        }
        String id = subscription.get("id").asText();
        Waiting.until(() -> api.get("integration", "/api/subscriptions/" + id).body().get("position").asLong()
                >= stored.get(stored.size() - 1).position(), Duration.ofSeconds(10));
        JsonNode shown = api.get("integration", "/api/subscriptions/" + id).body();
        assertThat(shown.has("secret")).isFalse();
        assertThat(shown.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(api.get("integration", "/api/subscriptions").body().toString()).doesNotContain(secret);
        JsonNode log = api.get("integration", "/api/subscriptions/" + id + "/deliveries?size=5").body();
        assertThat(log).hasSize(5);
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(log.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(api.get("unit", "/api/subscriptions/" + id).status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/subscriptions/" + id).status()).isEqualTo(200);
    }

    @Test
    void retryAfterIsHonouredAndAReceiverThatIsDownGetsEverythingOnceItIsBack() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.script("/retry", r -> switch (calls.incrementAndGet()) {
            case 1 -> new WebhookReceiver.Answer(429, Map.of("Retry-After", "2"));
            case 2, 3 -> new WebhookReceiver.Answer(503, Map.of());
            default -> WebhookReceiver.Answer.ok();
        });
        JsonNode subscription = subscribe("/retry", Map.of("types", List.of("AwardGranted")));
        List<String> expected = storedIds("AwardGranted");
        Waiting.until(() -> receiver.delivered("/retry").size() >= expected.size(), Duration.ofSeconds(30));
        List<WebhookReceiver.Received> got = receiver.received("/retry");
        assertThat(got.get(1).receivedAtMillis() - got.get(0).receivedAtMillis()).as("Retry-After: 2")
                .isGreaterThanOrEqualTo(1_900);
        assertThat(got.subList(0, 4)).extracting(WebhookReceiver.Received::id).containsOnly(expected.get(0));
        assertThat(ids(receiver.delivered("/retry"))).isEqualTo(expected);
        JsonNode log = api.get("integration", "/api/subscriptions/" + subscription.get("id").asText()
                + "/deliveries?size=200").body();
        List<Integer> firstEventAttempts = new ArrayList<>();
        log.forEach(a -> {
            if (a.get("eventId").asText().equals(expected.get(0))) {
                firstEventAttempts.add(0, a.get("status").asInt());
            }
        });
        assertThat(firstEventAttempts).containsExactly(429, 503, 503, 200);

        // the receiver goes down (connections refused) while new events are sent, and comes back
        WebhookReceiver.Received last = got.get(got.size() - 1);
        receiver.down();
        Api commands = new Api(platform.commandPort());
        Api.Response launched = commands.post("organizer", "/api/campaigns", Map.of("plan",
                TestPlans.plan("5/KH-WEBHOOK", 2, 3)));
        assertThat(launched.status()).as(launched.text()).isEqualTo(201);
        String campaign = launched.body().get("id").asText();
        long before = StoredEvents.all(platform.command().getBean(DataSource.class)).stream()
                .mapToLong(StoredEvents.Row::position).max().orElseThrow();
        JsonNode down = subscribe("/down", Map.of("campaignId", campaign, "after", before));
        for (int i = 0; i < 2; i++) {
            assertThat(commands.post("organizer", "/api/campaigns/" + campaign + "/participants",
                    Map.of("unitId", "late-unit-" + i, "unitName", "Đơn vị đến muộn " + i)).status())
                    .isEqualTo(200);
        }
        Waiting.sleep(1_000);
        long upAt = System.currentTimeMillis();
        receiver.up();
        Waiting.until(() -> receiver.delivered("/down").size() >= 2, Duration.ofSeconds(20));
        assertThat(receiver.received("/down")).as("nothing reached a receiver that was down").allMatch(r ->
                r.receivedAtMillis() >= upAt);
        List<String> sent = StoredEvents.all(platform.command().getBean(DataSource.class)).stream()
                .filter(r -> r.position() > before)
                .filter(r -> campaign.equals(StoredEvents.campaignOf(r))).map(StoredEvents.Row::eventId).toList();
        assertThat(ids(receiver.delivered("/down"))).isEqualTo(sent);
        assertThat(api.get("integration", "/api/subscriptions/" + down.get("id").asText()).body().get("status")
                .asText()).isEqualTo("ACTIVE");
        assertThat(last).isNotNull();
    }

    @Test
    void aSinkThatAnswersLateIsCutOffAtTheTimeoutAndOneThatAnswersEndlesslyHoldsNothing() throws Exception {
        AtomicInteger slowCalls = new AtomicInteger();
        receiver.script("/slow", r -> slowCalls.incrementAndGet() == 1
                ? new WebhookReceiver.Answer(200, Map.of(), 4_000, 0) : WebhookReceiver.Answer.ok());
        String slow = subscribe("/slow", Map.of("types", List.of("CampaignLaunched"))).get("id").asText();
        // every answer is 1 MiB long: the platform reads 64 KiB of it, closes that connection and goes on
        receiver.script("/chatty", r -> new WebhookReceiver.Answer(200, Map.of(), 0, 1 << 20));
        subscribe("/chatty", Map.of("types", List.of("CampaignLaunched")));
        List<String> launched = StoredEvents.all(platform.command().getBean(DataSource.class)).stream()
                .filter(r -> r.name().equals("CampaignLaunched")).map(StoredEvents.Row::eventId).toList();

        Waiting.until(() -> receiver.delivered("/slow").size() >= launched.size() + 1
                && receiver.delivered("/chatty").size() >= launched.size(), Duration.ofSeconds(30));
        List<WebhookReceiver.Received> got = receiver.received("/slow");
        assertThat(got.get(1).id()).as("the late answer's event is sent again").isEqualTo(launched.get(0));
        assertThat(got.get(1).receivedAtMillis() - got.get(0).receivedAtMillis()).as("cut off at 1 s, not 4")
                .isLessThan(3_500);
        assertThat(got.stream().skip(1).map(WebhookReceiver.Received::id).toList()).isEqualTo(launched);
        assertThat(ids(receiver.delivered("/chatty"))).isEqualTo(launched);
        JsonNode log = api.get("integration", "/api/subscriptions/" + slow + "/deliveries?size=200").body();
        List<String> errors = new ArrayList<>();
        log.forEach(a -> {
            if (a.get("eventId").asText().equals(launched.get(0)) && a.hasNonNull("error")) {
                errors.add(a.get("error").asText());
            }
        });
        assertThat(errors).containsExactly("no answer within PT1S");
    }

    @Test
    void goneDisablesAndFailuresPastTheHorizonParkUntilResumed() throws Exception {
        receiver.script("/gone", r -> new WebhookReceiver.Answer(410, Map.of()));
        String gone = subscribe("/gone", Map.of()).get("id").asText();
        Waiting.until(() -> "DISABLED".equals(status(gone)), Duration.ofSeconds(20));
        assertThat(receiver.received("/gone")).hasSize(1);
        assertThat(api.get("integration", "/api/subscriptions/" + gone).body().get("reason").asText())
                .contains("410");

        AtomicInteger broken = new AtomicInteger(1);
        receiver.script("/broken", r -> broken.get() == 1 ? new WebhookReceiver.Answer(500, Map.of())
                : WebhookReceiver.Answer.ok());
        String parked = subscribe("/broken", Map.of("types", List.of("CampaignLaunched"))).get("id").asText();
        Waiting.until(() -> "PARKED".equals(status(parked)), Duration.ofSeconds(30));
        JsonNode view = api.get("integration", "/api/subscriptions/" + parked).body();
        assertThat(view.get("reason").asText()).contains("HTTP 500");
        List<String> launched = storedIds("CampaignLaunched");
        assertThat(receiver.received("/broken")).extracting(WebhookReceiver.Received::id)
                .containsOnly(launched.get(0)).hasSizeGreaterThan(2);
        JsonNode health = api.get("admin", "/actuator/health").body();
        assertThat(health.at("/components/webhooks/status").asText()).isEqualTo("WARN");
        assertThat(health.at("/components/webhooks/details/stopped/" + parked + "/reason").asText())
                .contains("HTTP 500");

        broken.set(0);
        assertThat(api.post("integration", "/api/subscriptions/" + parked + "/resume", Map.of()).status())
                .isEqualTo(200);
        Waiting.until(() -> receiver.delivered("/broken").size() >= launched.size(), Duration.ofSeconds(20));
        assertThat(ids(receiver.delivered("/broken"))).isEqualTo(launched);
        assertThat(status(parked)).isEqualTo("ACTIVE");
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneAndRedeliveryGoesBack() throws Exception {
        JsonNode subscription = subscribe("/rotate", Map.of("types", List.of("AwardGranted")));
        String id = subscription.get("id").asText();
        String old = subscription.get("secret").asText();
        List<String> granted = storedIds("AwardGranted");
        Waiting.until(() -> receiver.delivered("/rotate").size() >= granted.size(), Duration.ofSeconds(30));
        Api.Response rotated = api.post("integration", "/api/subscriptions/" + id + "/secret", Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.body().get("secret").asText();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(api.post("integration", "/api/subscriptions/" + id + "/redeliveries", Map.of("after", -1))
                .status()).isEqualTo(202);
        Waiting.until(() -> receiver.delivered("/rotate").size() >= 2 * granted.size(), Duration.ofSeconds(30));
        List<WebhookReceiver.Received> again = receiver.delivered("/rotate").subList(granted.size(),
                2 * granted.size());
        assertThat(ids(again)).isEqualTo(granted);
        for (WebhookReceiver.Received r : again) {
            assertThat(r.signature().split(" ")).hasSize(2);
            assertThat(WebhookReceiver.signedBy(r, fresh)).isTrue();
            assertThat(WebhookReceiver.signedBy(r, old)).isTrue();
        }
        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + platform.queryPort() + "/api/subscriptions/" + id))
                .header("Authorization", FeedClient.basic("integration")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(api.get("integration", "/api/subscriptions/" + id).status()).isEqualTo(404);
    }

    @Test
    void sinksOnInternalNetworksAndOtherInvalidRequestsAreRefused() {
        for (String sink : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://localhost:9/hook", "http://[::1]:9/hook", "http://192.168.1.1/hook", "http://100.64.0.1/",
                "ftp://127.0.0.1/hook", "http://user:secret@127.0.0.1/hook", "not a url", "",
                "http://127.0.0.1/" + "x".repeat(2100))) {
            Api.Response refused = api.post("integration", "/api/subscriptions", Map.of("sinkUrl", sink));
            assertThat(refused.status()).as(sink).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invalid-parameter");
        }
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("sinkUrl", receiver.url("/x"), "types", List.of("Nope")),
                Map.<String, Object>of("sinkUrl", receiver.url("/x"), "after", -5),
                Map.<String, Object>of("sinkUrl", receiver.url("/x"), "after", 1, "since", "2020-01-01T00:00:00Z"),
                Map.<String, Object>of("sinkUrl", receiver.url("/x"), "unknown", true))) {
            assertThat(api.post("integration", "/api/subscriptions", bad).status()).as(bad.toString())
                    .isEqualTo(400);
        }
    }

    private static String status(String id) {
        return api.get("integration", "/api/subscriptions/" + id).body().get("status").asText();
    }
}

package vn.thidua.standalone;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.thidua.command.Api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins are throttled per user; every 401 and 403 is logged, safely. */
class AccessTest {

    @TempDir
    Path data;

    @Test
    void repeatedFailedLoginsAreThrottledAndEveryDenialIsLoggedSafely() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger denied = null;
        try (Standalone platform = ReadModelSnapshots.start(data)) {
            // attached once Spring Boot has configured logging (which resets the appenders)
            denied = (Logger) LoggerFactory.getLogger("vn.thidua.security.denied");
            log.start();
            denied.addAppender(log);
            String base = "http://localhost:" + platform.queryPort();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 10; i++) {
                assertThat(get(http, base, "auditor:wrong-" + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> throttled = get(http, base, "auditor:wrong");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
            assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            // while throttled, even the right password waits: guessing cannot go on
            assertThat(get(http, base, "auditor:demo").statusCode()).isEqualTo(429);
            // another user from the same address is not affected (the address allows more failures)
            assertThat(get(http, base, "organizer:demo").statusCode()).isEqualTo(200);

            // a forged user name cannot forge a log line, and no password reaches the log
            get(http, base, "evil\nuser=admin status=200:secret-password");
            assertThat(new Api(platform.queryPort()).get("unit", "/api/audit").status()).isEqualTo(403);
        } finally {
            if (denied != null) {
                denied.detachAppender(log);
            }
        }
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(12);
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("secret-password")
                .doesNotContain("wrong-").contains("address=").contains("method=GET").contains("correlationId="));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("status=403").contains("user=unit")
                .contains("path=/api/audit"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("user=(claimed)_evil_user=admin_status=200"));
    }

    private static HttpResponse<String> get(HttpClient http, String base, String credentials) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}

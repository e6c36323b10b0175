package vn.thidua.query.webhook;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's signatures are the Standard Webhooks Java library's, and the library verifies them. */
class SignerTest {

    @Test
    void signsAsTheStandardWebhooksLibraryDoes() throws Exception {
        Random random = new Random(7);
        String[] texts = {"", "{\"a\":1}", "Nguyễn Văn Ánh — Bằng khen của Chủ tịch UBND tỉnh", "😀 \u0000 \\\" ",
                "x".repeat(100_000)};
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[24 + random.nextInt(40)];
            new SecureRandom().nextBytes(key);
            String secret = Signer.PREFIX + Base64.getEncoder().encodeToString(key);
            String id = "evt-" + random.nextLong();
            long timestamp = Math.abs(random.nextInt());
            String body = texts[i % texts.length] + i;
            Signer signer = new Signer(secret);
            String ours = signer.sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8));
            assertThat(ours).isEqualTo(new Webhook(secret).sign(id, timestamp, body));
            assertThat(signer.sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8))).as("reusable")
                    .isEqualTo(ours);
            long now = System.currentTimeMillis() / 1000;
            String fresh = signer.sign(id, now, body.getBytes(StandardCharsets.UTF_8));
            new Webhook(secret).verify(body, Map.of("webhook-id", List.of(id),
                    "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(fresh)));
            // (verify throws when the signature does not verify)
        }
    }
}

package vn.thidua.query.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * One secret's Standard Webhooks signatures: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body},
 * keyed by the secret's bytes ({@code whsec_} and base64). Computed over the body's bytes as they are sent: the
 * Standard Webhooks Java library signs a {@code String}, so a delivery decoded its body into one and the library
 * encoded it again, a quarter of a delivery's CPU in the profile (Vietnamese text is not Latin-1, so both ways copy
 * every character); {@code SignerTest} checks every signature against the library's. Not thread-safe: one per
 * delivering thread.
 */
final class Signer {

    static final String PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private final Mac mac;

    Signer(String secret) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length())
                : secret);
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getMessage(), e);
        }
    }

    /** The signature of a delivery: {@code v1,<base64>}. */
    String sign(String id, long timestampSeconds, byte[] body) {
        mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
    }
}

package vn.thidua.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Ed25519 keys (the JDK's own, RFC 8032) in the PEM forms every tool reads: PKCS #8 for the private key, X.509
 * SubjectPublicKeyInfo for the public one ({@code openssl pkey -pubout} gives the same text).
 */
public final class SigningKeys {

    public static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    public static PrivateKey readPrivate(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (PKCS #8 PEM): " + e.getMessage(), e);
        }
    }

    public static PublicKey readPublic(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(PUBLIC, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 PEM): " + e.getMessage(), e);
        }
    }

    /** Whether {@code publicKey} is {@code key}'s (the JDK does not derive one from the other: a probe is signed). */
    public static boolean matches(PrivateKey key, PublicKey publicKey) {
        TreeHead probe = new TreeHead(0, MerkleHashes.emptyRoot(), Instant.EPOCH);
        return SignedTreeHead.sign(probe, key, publicKey).verifiedBy(publicKey);
    }

    /** A key's id: the SHA-256 of its SubjectPublicKeyInfo, in hexadecimal (as RFC 6962 names a log's key). */
    public static String keyId(PublicKey key) {
        return MerkleHashes.hex(MerkleHashes.sha256().digest(key.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String type, String pem) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " … " + end + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + type + " block is not Base64: " + e.getMessage(), e);
        }
    }
}

package vn.thidua.ledger;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * A tree head signed by the platform's Ed25519 key ({@code keyId}: {@link SigningKeys#keyId}): the signature covers
 * {@link TreeHead#signedBytes()}. Ed25519 signatures are deterministic, so a head signs to the same bytes every time.
 */
public record SignedTreeHead(TreeHead head, String keyId, byte[] signature) {

    public static SignedTreeHead sign(TreeHead head, PrivateKey key, PublicKey publicKey) {
        try {
            Signature ed25519 = Signature.getInstance(SigningKeys.ALGORITHM);
            ed25519.initSign(key);
            ed25519.update(head.signedBytes());
            return new SignedTreeHead(head, SigningKeys.keyId(publicKey), ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a tree head: " + e.getMessage(), e);
        }
    }

    /** Whether the signature is {@code key}'s over this head (false for another key, bytes or head). */
    public boolean verifiedBy(PublicKey key) {
        try {
            Signature ed25519 = Signature.getInstance(SigningKeys.ALGORITHM);
            ed25519.initVerify(key);
            ed25519.update(head.signedBytes());
            return ed25519.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}

package vn.thidua.ledger;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedTreeHeadTest {

    final KeyPair keys = SigningKeys.generate();
    final TreeHead head = new TreeHead(8, MerkleTestVectorsTest.HEX.parseHex(MerkleTestVectorsTest.ROOTS.get(7)),
            Instant.parse("2026-11-22T10:00:00.123Z"));

    @Test
    void aSignedHeadVerifiesWithItsKeyOnlyAndOnlyAsSigned() {
        SignedTreeHead signed = SignedTreeHead.sign(head, keys.getPrivate(), keys.getPublic());
        assertThat(signed.verifiedBy(keys.getPublic())).isTrue();
        assertThat(signed.keyId()).isEqualTo(SigningKeys.keyId(keys.getPublic())).hasSize(64);
        assertThat(SignedTreeHead.sign(head, keys.getPrivate(), keys.getPublic()).signature())
                .as("Ed25519 is deterministic").isEqualTo(signed.signature());

        assertThat(new SignedTreeHead(new TreeHead(9, head.rootHash(), head.timestamp()), signed.keyId(),
                signed.signature()).verifiedBy(keys.getPublic())).isFalse();
        assertThat(new SignedTreeHead(new TreeHead(8, MerkleHashes.emptyRoot(), head.timestamp()), signed.keyId(),
                signed.signature()).verifiedBy(keys.getPublic())).isFalse();
        assertThat(new SignedTreeHead(new TreeHead(8, head.rootHash(), head.timestamp().plusMillis(1)),
                signed.keyId(), signed.signature()).verifiedBy(keys.getPublic())).isFalse();
        byte[] flipped = signed.signature().clone();
        flipped[10] ^= 1;
        assertThat(new SignedTreeHead(head, signed.keyId(), flipped).verifiedBy(keys.getPublic())).isFalse();
        assertThat(signed.verifiedBy(SigningKeys.generate().getPublic())).isFalse();
    }

    @Test
    void theSignedBytesAreRfc9162TreeHeadDataV2() {
        byte[] bytes = head.signedBytes();
        assertThat(bytes).hasSize(8 + 8 + 1 + 32 + 2);
        assertThat(java.nio.ByteBuffer.wrap(bytes).getLong(0)).isEqualTo(head.timestamp().toEpochMilli());
        assertThat(java.nio.ByteBuffer.wrap(bytes).getLong(8)).isEqualTo(8);
        assertThat(bytes[16]).isEqualTo((byte) 32);
        assertThat(java.util.Arrays.copyOfRange(bytes, 17, 49)).isEqualTo(head.rootHash());
        assertThat(java.util.Arrays.copyOfRange(bytes, 49, 51)).containsExactly(0, 0);
    }

    @Test
    void keysTravelAsPem() {
        String privatePem = SigningKeys.privatePem(keys.getPrivate());
        String publicPem = SigningKeys.publicPem(keys.getPublic());
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");
        SignedTreeHead signed = SignedTreeHead.sign(head, SigningKeys.readPrivate(privatePem), keys.getPublic());
        assertThat(signed.verifiedBy(SigningKeys.readPublic(publicPem))).isTrue();
        assertThat(SigningKeys.matches(SigningKeys.readPrivate(privatePem), keys.getPublic())).isTrue();
        assertThat(SigningKeys.matches(keys.getPrivate(), SigningKeys.generate().getPublic())).isFalse();
        assertThatThrownBy(() -> SigningKeys.readPublic("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.readPrivate("nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}

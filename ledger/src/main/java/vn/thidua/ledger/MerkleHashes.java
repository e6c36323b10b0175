package vn.thidua.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of an RFC 9162 Merkle tree (section 2.1.1), with SHA-256: a leaf is {@code HASH(0x00 || entry)}, an
 * interior node {@code HASH(0x01 || left || right)}, the empty tree {@code HASH()}. The two prefixes keep a leaf
 * from ever passing for a node (second-preimage resistance).
 */
public final class MerkleHashes {

    /** Bytes of every hash. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();

    private MerkleHashes() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        return sha.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root of the tree of no entries: the hash of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** A hash written in hexadecimal; refused unless it is {@value #SIZE} bytes. */
    public static byte[] fromHex(String hex) {
        byte[] hash;
        try {
            hash = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hexadecimal hash: " + abbreviate(hex));
        }
        if (hash.length != SIZE) {
            throw new IllegalArgumentException("a hash has " + SIZE + " bytes, not " + hash.length);
        }
        return hash;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package vn.thidua.ledger;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a tree head states: the tree of the first {@code treeSize} entries has the root {@code rootHash}, as of
 * {@code timestamp} (milliseconds, as RFC 9162 keeps it).
 */
public record TreeHead(long treeSize, byte[] rootHash, Instant timestamp) {

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + treeSize);
        }
        if (rootHash == null || rootHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a root hash has " + MerkleHashes.SIZE + " bytes");
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The bytes a signature covers: RFC 9162's {@code TreeHeadDataV2} in its TLS encoding (section 4.9): uint64
     * timestamp (ms since the epoch), uint64 tree_size, root_hash with a one-byte length, sth_extensions with a
     * two-byte length (none).
     */
    public byte[] signedBytes() {
        return ByteBuffer.allocate(8 + 8 + 1 + rootHash.length + 2)
                .putLong(timestamp.toEpochMilli())
                .putLong(treeSize)
                .put((byte) rootHash.length)
                .put(rootHash)
                .putShort((short) 0)
                .array();
    }
}

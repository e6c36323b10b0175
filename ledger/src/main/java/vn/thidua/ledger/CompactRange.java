package vn.thidua.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A growing tree's right edge: the hashes of the perfect subtrees that make up its first {@link #size()} leaves, one
 * per set bit of the size, largest first. Enough to append a leaf and to compute the root (RFC 9162's MTH) without
 * the leaves; each append hands every node it completes to a {@link NodeSink}, which is how a store learns the
 * perfect subtrees {@link MerkleProofs} reads. Not thread-safe.
 */
public final class CompactRange {

    /** Told of every node an append completes: the perfect subtree of {@code 2^level} leaves at {@code index}. */
    @FunctionalInterface
    public interface NodeSink {
        void completed(int level, long index, byte[] hash);
    }

    private long size;
    private final List<byte[]> edge;

    public CompactRange() {
        this(0, List.of());
    }

    /** A range resumed from its size and edge as {@link #edge()} gave them; refused if they do not fit. */
    public CompactRange(long size, List<byte[]> edge) {
        if (size < 0 || Long.bitCount(size) != edge.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " perfect subtrees on its edge, not " + edge.size());
        }
        for (byte[] hash : edge) {
            if (hash == null || hash.length != MerkleHashes.SIZE) {
                throw new IllegalArgumentException("an edge hash is not " + MerkleHashes.SIZE + " bytes");
            }
        }
        this.size = size;
        this.edge = new ArrayList<>(edge);
    }

    public long size() {
        return size;
    }

    /** The edge's hashes, largest subtree first (a copy). */
    public List<byte[]> edge() {
        return List.copyOf(edge);
    }

    /** Appends a leaf (its hash, {@link MerkleHashes#leaf}); the sink hears the leaf and each node it completes. */
    public void append(byte[] leafHash, NodeSink sink) {
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        sink.completed(level, index, hash);
        while ((index & 1) == 1) { // a right child: its left sibling is the edge's last subtree
            hash = MerkleHashes.node(edge.remove(edge.size() - 1), hash);
            index >>= 1;
            level++;
            sink.completed(level, index, hash);
        }
        edge.add(hash);
        size++;
    }

    /** MTH of the leaves so far: the edge folded from the right. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = MerkleHashes.node(edge.get(i), root);
        }
        return root;
    }
}

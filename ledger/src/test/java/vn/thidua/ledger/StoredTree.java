package vn.thidua.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tree whose every perfect subtree is kept in memory, filled as {@link CompactRange} completes them. */
public final class StoredTree implements SubtreeHashes {

    final Map<String, byte[]> nodes = new HashMap<>();
    final CompactRange range = new CompactRange();

    public static StoredTree of(List<byte[]> entries) {
        StoredTree tree = new StoredTree();
        entries.forEach(tree::add);
        return tree;
    }

    void add(byte[] entry) {
        range.append(MerkleHashes.leaf(entry), (level, index, hash) -> nodes.put(level + "/" + index, hash));
    }

    @Override
    public byte[] hash(int level, long index) {
        byte[] hash = nodes.get(level + "/" + index);
        if (hash == null) {
            throw new IllegalStateException("no complete subtree " + level + "/" + index);
        }
        return hash;
    }
}

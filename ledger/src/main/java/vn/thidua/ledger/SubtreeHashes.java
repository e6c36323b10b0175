package vn.thidua.ledger;

/**
 * Where a tree's nodes are kept: the hash of the perfect subtree of {@code 2^level} leaves that starts at leaf
 * {@code index * 2^level}. Only such subtrees of a tree that holds them entirely are ever asked for, so a store
 * keeps nothing that changes once written ({@link MerkleProofs} computes the right edge of a tree from them).
 */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] hash(int level, long index);
}

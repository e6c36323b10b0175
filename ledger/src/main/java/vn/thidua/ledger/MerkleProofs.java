package vn.thidua.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs of an RFC 9162 Merkle tree, computed as the RFC defines them: the tree hash MTH (section
 * 2.1.1), the inclusion path PATH (2.1.3.1) and the consistency proof PROOF/SUBPROOF (2.1.4.1), each from the perfect
 * subtrees' hashes a {@link SubtreeHashes} keeps. A range of leaves that is not a perfect subtree is always the right
 * edge of one of the RFC's splits, and its hash is the RFC's own recursion over perfect subtrees, so a proof reads
 * O(log² n) stored hashes at most.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH(D[0:size]). */
    public static byte[] root(long size, SubtreeHashes tree) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + size);
        }
        return size == 0 ? MerkleHashes.emptyRoot() : rangeHash(0, size, tree);
    }

    /** PATH(leafIndex, D[0:size]): the inclusion proof of leaf {@code leafIndex} in the tree of {@code size}. */
    public static List<byte[]> inclusion(long leafIndex, long size, SubtreeHashes tree) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(leafIndex, 0, size, tree, path);
        return path;
    }

    /**
     * PROOF(first, D[0:second]): the consistency proof between the trees of {@code first} and {@code second} leaves,
     * empty when {@code first} is 0 or equals {@code second} (nothing to prove).
     */
    public static List<byte[]> consistency(long first, long second, SubtreeHashes tree) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from a tree of " + first + " to one of "
                    + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, tree, proof);
        }
        return proof;
    }

    /** PATH(m, D[start:end]), m relative to start, appended to {@code out} (deepest first, as the RFC lists it). */
    private static void path(long m, long start, long end, SubtreeHashes tree, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, tree, out);
            out.add(rangeHash(start + k, end, tree));
        } else {
            path(m - k, start + k, end, tree, out);
            out.add(rangeHash(start, start + k, tree));
        }
    }

    /** SUBPROOF(m, D[start:end], b), m relative to start. */
    private static void subproof(long m, long start, long end, boolean b, SubtreeHashes tree, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(rangeHash(start, end, tree));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, b, tree, out);
            out.add(rangeHash(start + k, end, tree));
        } else {
            subproof(m - k, start + k, end, false, tree, out);
            out.add(rangeHash(start, start + k, tree));
        }
    }

    /**
     * MTH(D[start:end]) for a range the RFC's recursion reaches: a perfect subtree (read), or else split at the
     * largest power of two below its length.
     */
    static byte[] rangeHash(long start, long end, SubtreeHashes tree) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return tree.hash(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashes.node(rangeHash(start, start + k, tree), rangeHash(start + k, end, tree));
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}

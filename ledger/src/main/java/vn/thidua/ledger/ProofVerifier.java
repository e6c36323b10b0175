package vn.thidua.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs, step by step as RFC 9162 sections 2.1.3.2 and 2.1.4.2 write it
 * (fn, sn, r / fr, sr; the step numbers are the RFC's), so that an auditor can check it against the text. Each
 * answers a {@link Result}: verified, or the reason it is not. Sizes whose proof the RFC leaves undefined are
 * answered as it implies: a tree is consistent with itself only when both heads have the same root and the proof is
 * empty, and with the empty tree always, by an empty proof.
 */
public final class ProofVerifier {

    /** Whether a proof holds, and if not, why. */
    public record Result(boolean verified, String failure) {

        static final Result OK = new Result(true, null);

        static Result fail(String why) {
            return new Result(false, why);
        }
    }

    private ProofVerifier() {
    }

    /** Whether {@code leafHash} is leaf {@code leafIndex} of the tree of {@code treeSize} whose root is {@code root}. */
    public static Result verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
                                         byte[] root) {
        if (!wellFormed(leafHash) || !wellFormed(root) || !path.stream().allMatch(ProofVerifier::wellFormed)) {
            return Result.fail("a hash is not " + MerkleHashes.SIZE + " bytes");
        }
        // 1. leaf_index >= tree_size fails
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return Result.fail("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        byte[] r = rootFromInclusion(leafIndex, treeSize, leafHash, path);
        if (r == null) {
            return Result.fail("the proof has " + path.size() + " hashes, which no path in a tree of " + treeSize
                    + " has");
        }
        // 5. r == root_hash
        return MessageDigest.isEqual(r, root) ? Result.OK
                : Result.fail("the proof leads to another root than the tree head's");
    }

    /**
     * The root an inclusion proof leads to (RFC 9162 2.1.3.2, steps 1 to 4, and the check of sn in 5), or null if
     * the path does not fit a tree of {@code treeSize}.
     */
    public static byte[] rootFromInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {
        if (leafIndex < 0 || leafIndex >= treeSize) { // 1
            return null;
        }
        long fn = leafIndex; // 2
        long sn = treeSize - 1;
        byte[] r = leafHash; // 3
        for (byte[] p : path) { // 4
            if (sn == 0) { // 4a
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) { // 4b
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1; // 4c
            sn >>= 1;
        }
        return sn == 0 ? r : null; // 5 (sn)
    }

    /**
     * Whether the tree of {@code secondSize} whose root is {@code secondRoot} extends the tree of {@code firstSize}
     * whose root is {@code firstRoot}: every entry of the first is in the second, unchanged, in the same place.
     */
    public static Result verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                                           List<byte[]> proof) {
        if (!wellFormed(firstRoot) || !wellFormed(secondRoot) || !proof.stream().allMatch(ProofVerifier::wellFormed)) {
            return Result.fail("a hash is not " + MerkleHashes.SIZE + " bytes");
        }
        if (firstSize < 0 || firstSize > secondSize) {
            return Result.fail("a tree of " + firstSize + " cannot be extended by one of " + secondSize);
        }
        if (firstSize == secondSize) {
            if (!proof.isEmpty()) {
                return Result.fail("a tree is its own extension by an empty proof only");
            }
            return MessageDigest.isEqual(firstRoot, secondRoot) ? Result.OK
                    : Result.fail("two heads of " + firstSize + " entries with different roots");
        }
        if (firstSize == 0) {
            return proof.isEmpty() ? Result.OK : Result.fail("the empty tree is extended by an empty proof only");
        }
        // 1. an empty path fails
        if (proof.isEmpty()) {
            return Result.fail("the proof is empty");
        }
        // 2. if first_tree_size is a power of 2, prepend first_hash
        List<byte[]> path = proof;
        if (Long.bitCount(firstSize) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        // 3. fn = first_tree_size - 1, sn = second_tree_size - 1
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        // 4. while LSB(fn) is set, right-shift both
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5. fr = sr = the first value of the path
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. for each subsequent value c
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) { // 6a
                return Result.fail("the proof is longer than the trees are deep");
            }
            if ((fn & 1) == 1 || fn == sn) { // 6b
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1; // 6c
            sn >>= 1;
        }
        // 7. fr == first_hash, sr == second_hash, sn == 0
        if (sn != 0) {
            return Result.fail("the proof is shorter than the trees are deep");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            return Result.fail("the proof does not lead to the first head's root");
        }
        return MessageDigest.isEqual(sr, secondRoot) ? Result.OK
                : Result.fail("the proof does not lead to the second head's root");
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == MerkleHashes.SIZE;
    }
}

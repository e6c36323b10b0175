package vn.thidua.ledger;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tree of up to 70 entries: the stored, compact computations equal the RFC's definitions of MTH, PATH and
 * PROOF written out literally over the list of entries, and every proof verifies.
 */
class MerkleDefinitionsTest {

    @Test
    void storedComputationsEqualTheDefinitionsAndEveryProofVerifies() {
        List<byte[]> entries = new ArrayList<>();
        StoredTree tree = new StoredTree();
        for (int n = 1; n <= 70; n++) {
            byte[] entry = ByteBuffer.allocate(4).putInt(n * 7919).array();
            entries.add(entry);
            tree.add(entry);
            byte[] root = mth(entries);
            assertThat(MerkleProofs.root(n, tree)).as("root %d", n).isEqualTo(root);
            assertThat(tree.range.root()).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleProofs.inclusion(m, n, tree);
                assertThat(path).as("path %d of %d", m, n).containsExactlyElementsOf(path(m, entries));
                assertThat(ProofVerifier.verifyInclusion(m, n, MerkleHashes.leaf(entries.get(m)), path, root)
                        .verified()).isTrue();
            }
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = MerkleProofs.consistency(m, n, tree);
                assertThat(proof).as("proof %d to %d", m, n)
                        .containsExactlyElementsOf(subproof(m, entries, true));
                assertThat(ProofVerifier.verifyConsistency(m, n, mth(entries.subList(0, m)), root, proof)
                        .verified()).as("consistency %d to %d", m, n).isTrue();
            }
        }
    }

    @Test
    void aRangeResumesFromItsEdge() {
        CompactRange range = new CompactRange();
        for (int i = 0; i < 37; i++) {
            range.append(MerkleHashes.leaf(new byte[]{(byte) i}), (l, x, h) -> {
            });
        }
        CompactRange resumed = new CompactRange(range.size(), range.edge());
        range.append(MerkleHashes.leaf(new byte[]{99}), (l, x, h) -> {
        });
        resumed.append(MerkleHashes.leaf(new byte[]{99}), (l, x, h) -> {
        });
        assertThat(resumed.root()).isEqualTo(range.root());
        assertThat(resumed.size()).isEqualTo(38);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CompactRange(39, range.edge()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** RFC 9162 2.1.1. */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return MerkleHashes.emptyRoot();
        }
        if (n == 1) {
            return MerkleHashes.leaf(d.get(0));
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleHashes.node(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** RFC 9162 2.1.3.1. */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** RFC 9162 2.1.4.1. */
    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }
}

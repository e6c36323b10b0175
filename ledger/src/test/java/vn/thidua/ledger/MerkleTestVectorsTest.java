package vn.thidua.ledger;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Merkle tree against Certificate Transparency's published test vectors (the eight leaves, the roots of the
 * trees of 1 to 8 of them, and the inclusion and consistency proofs that Google's CT code and transparency-dev/merkle
 * test with), then the same corruptions they try: each must fail.
 */
class MerkleTestVectorsTest {

    static final HexFormat HEX = HexFormat.of();

    static final List<byte[]> LEAVES = List.of(HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"),
            HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Leaf (1-based, as the vectors number them), tree size, proof. */
    record Inclusion(long leaf, long size, List<String> proof) {
    }

    static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(1, 1, List.of()),
            new Inclusion(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(6, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(3, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(2, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    record Consistency(long first, long second, List<String> proof) {
    }

    static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    static final byte[] SOME_HASH = HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    @Test
    void theRootsOfTheTreesOfOneToEightLeavesAreThePublishedOnes() {
        StoredTree tree = StoredTree.of(LEAVES);
        for (int size = 1; size <= 8; size++) {
            assertThat(hex(MerkleProofs.root(size, tree))).as("root of %d", size).isEqualTo(ROOTS.get(size - 1));
        }
        CompactRange range = new CompactRange();
        for (int size = 1; size <= 8; size++) {
            range.append(MerkleHashes.leaf(LEAVES.get(size - 1)), (level, index, hash) -> {
            });
            assertThat(hex(range.root())).as("compact range of %d", size).isEqualTo(ROOTS.get(size - 1));
        }
        assertThat(hex(MerkleProofs.root(0, tree)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() {
        StoredTree tree = StoredTree.of(LEAVES);
        for (Inclusion vector : INCLUSIONS) {
            long index = vector.leaf() - 1;
            List<byte[]> proof = MerkleProofs.inclusion(index, vector.size(), tree);
            assertThat(proof.stream().map(MerkleTestVectorsTest::hex).toList()).as("%s", vector)
                    .isEqualTo(vector.proof());
            byte[] root = HEX.parseHex(ROOTS.get((int) vector.size() - 1));
            byte[] leaf = MerkleHashes.leaf(LEAVES.get((int) index));
            assertThat(ProofVerifier.verifyInclusion(index, vector.size(), leaf, proof, root).verified())
                    .as("%s", vector).isTrue();
            assertThat(ProofVerifier.rootFromInclusion(index, vector.size(), leaf, proof)).isEqualTo(root);
        }
    }

    @Test
    void corruptedInclusionProofsFail() {
        for (Inclusion vector : INCLUSIONS.subList(1, INCLUSIONS.size())) {
            long index = vector.leaf() - 1;
            long size = vector.size();
            List<byte[]> proof = hashes(vector.proof());
            byte[] root = HEX.parseHex(ROOTS.get((int) size - 1));
            byte[] leaf = MerkleHashes.leaf(LEAVES.get((int) index));
            List<String> accepted = new ArrayList<>();
            probe(accepted, "index - 1", ProofVerifier.verifyInclusion(index - 1, size, leaf, proof, root));
            probe(accepted, "index + 1", ProofVerifier.verifyInclusion(index + 1, size, leaf, proof, root));
            probe(accepted, "index ^ 2", ProofVerifier.verifyInclusion(index ^ 2, size, leaf, proof, root));
            probe(accepted, "size * 2", ProofVerifier.verifyInclusion(index, size * 2, leaf, proof, root));
            probe(accepted, "size / 2", ProofVerifier.verifyInclusion(index, size / 2, leaf, proof, root));
            probe(accepted, "wrong leaf", ProofVerifier.verifyInclusion(index, size,
                    MerkleHashes.leaf("WrongLeaf".getBytes()), proof, root));
            probe(accepted, "empty root", ProofVerifier.verifyInclusion(index, size, leaf, proof,
                    MerkleHashes.emptyRoot()));
            probe(accepted, "random root", ProofVerifier.verifyInclusion(index, size, leaf, proof, SOME_HASH));
            probe(accepted, "trailing root", ProofVerifier.verifyInclusion(index, size, leaf,
                    with(proof, l -> l.add(root)), root));
            probe(accepted, "preceding root", ProofVerifier.verifyInclusion(index, size, leaf,
                    with(proof, l -> l.add(0, root)), root));
            probe(accepted, "trailing garbage", ProofVerifier.verifyInclusion(index, size, leaf,
                    with(proof, l -> l.add(new byte[0])), root));
            for (int i = 0; i < proof.size(); i++) {
                int at = i;
                probe(accepted, "modified proof[" + i + "]", ProofVerifier.verifyInclusion(index, size, leaf,
                        with(proof, l -> l.set(at, flip(l.get(at), 8))), root));
            }
            if (!proof.isEmpty()) {
                probe(accepted, "removed component", ProofVerifier.verifyInclusion(index, size, leaf,
                        proof.subList(0, proof.size() - 1), root));
            }
            if (proof.size() > 1) {
                probe(accepted, "inserted component", ProofVerifier.verifyInclusion(index, size, leaf,
                        with(proof, l -> l.add(1, SOME_HASH)), root));
            }
            assertThat(accepted).as("corruptions of %s that verified", vector).isEmpty();
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        StoredTree tree = StoredTree.of(LEAVES);
        for (Consistency vector : CONSISTENCIES) {
            List<byte[]> proof = MerkleProofs.consistency(vector.first(), vector.second(), tree);
            assertThat(proof.stream().map(MerkleTestVectorsTest::hex).toList()).as("%s", vector)
                    .isEqualTo(vector.proof());
            byte[] first = HEX.parseHex(ROOTS.get((int) vector.first() - 1));
            byte[] second = HEX.parseHex(ROOTS.get((int) vector.second() - 1));
            assertThat(ProofVerifier.verifyConsistency(vector.first(), vector.second(), first, second, proof)
                    .verified()).as("%s", vector).isTrue();
        }
    }

    @Test
    void corruptedConsistencyProofsFail() {
        for (Consistency vector : CONSISTENCIES.subList(1, CONSISTENCIES.size())) {
            long m = vector.first();
            long n = vector.second();
            List<byte[]> proof = hashes(vector.proof());
            byte[] first = HEX.parseHex(ROOTS.get((int) m - 1));
            byte[] second = HEX.parseHex(ROOTS.get((int) n - 1));
            List<String> accepted = new ArrayList<>();
            probe(accepted, "first - 1", ProofVerifier.verifyConsistency(m - 1, n, first, second, proof));
            probe(accepted, "first + 1", ProofVerifier.verifyConsistency(m + 1, n, first, second, proof));
            probe(accepted, "first ^ 2", ProofVerifier.verifyConsistency(m ^ 2, n, first, second, proof));
            probe(accepted, "second * 2", ProofVerifier.verifyConsistency(m, n * 2, first, second, proof));
            probe(accepted, "second / 2", ProofVerifier.verifyConsistency(m, n / 2, first, second, proof));
            probe(accepted, "wrong first root", ProofVerifier.verifyConsistency(m, n, SOME_HASH, second, proof));
            probe(accepted, "wrong second root", ProofVerifier.verifyConsistency(m, n, first, SOME_HASH, proof));
            probe(accepted, "swapped roots", ProofVerifier.verifyConsistency(m, n, second, first, proof));
            probe(accepted, "empty proof", ProofVerifier.verifyConsistency(m, n, first, second, List.of()));
            probe(accepted, "trailing first root", ProofVerifier.verifyConsistency(m, n, first, second,
                    with(proof, l -> l.add(first))));
            probe(accepted, "trailing second root", ProofVerifier.verifyConsistency(m, n, first, second,
                    with(proof, l -> l.add(second))));
            probe(accepted, "preceding first root", ProofVerifier.verifyConsistency(m, n, first, second,
                    with(proof, l -> l.add(0, first))));
            probe(accepted, "preceding second root", ProofVerifier.verifyConsistency(m, n, first, second,
                    with(proof, l -> l.add(0, second))));
            probe(accepted, "preceding proof[0]", ProofVerifier.verifyConsistency(m, n, first, second,
                    with(proof, l -> l.add(0, l.get(0)))));
            probe(accepted, "truncated proof", ProofVerifier.verifyConsistency(m, n, first, second,
                    proof.subList(0, proof.size() - 1)));
            for (int i = 0; i < proof.size(); i++) {
                int at = i;
                probe(accepted, "modified proof[" + i + "]", ProofVerifier.verifyConsistency(m, n, first, second,
                        with(proof, l -> l.set(at, flip(l.get(at), 16)))));
            }
            assertThat(accepted).as("corruptions of %s that verified", vector).isEmpty();
        }
    }

    @Test
    void sizesTheRfcLeavesOpenAreAnsweredAsItImplies() {
        byte[] root1 = SOME_HASH;
        byte[] root2 = MerkleHashes.emptyRoot();
        assertThat(ProofVerifier.verifyConsistency(0, 0, root1, root1, List.of()).verified()).isTrue();
        assertThat(ProofVerifier.verifyConsistency(0, 1, root1, root2, List.of()).verified()).isTrue();
        assertThat(ProofVerifier.verifyConsistency(1, 1, root2, root2, List.of()).verified()).isTrue();
        assertThat(ProofVerifier.verifyConsistency(1, 1, root1, root2, List.of()).verified()).isFalse();
        assertThat(ProofVerifier.verifyConsistency(1, 0, root1, root2, List.of()).verified()).isFalse();
        assertThat(ProofVerifier.verifyConsistency(2, 1, root1, root2, List.of()).verified()).isFalse();
        assertThat(ProofVerifier.verifyConsistency(1, 2, root1, root2, List.of()).verified()).isFalse();
        assertThat(ProofVerifier.verifyConsistency(1, 1, root2, root2, List.of(root2)).verified()).isFalse();
        assertThat(ProofVerifier.verifyConsistency(0, 1, root2, root2, List.of(root2)).verified()).isFalse();
        for (long[] p : new long[][]{{0, 0}, {0, 1}, {1, 0}, {2, 1}}) {
            assertThat(ProofVerifier.verifyInclusion(p[0], p[1], SOME_HASH, List.of(), root2).verified()).isFalse();
        }
        byte[] single = MerkleHashes.leaf("data".getBytes());
        assertThat(ProofVerifier.verifyInclusion(0, 1, single, List.of(), single).verified()).isTrue();
        assertThat(ProofVerifier.verifyInclusion(0, 1, single, List.of(), new byte[0]).verified()).isFalse();
    }

    private static void probe(List<String> accepted, String what, ProofVerifier.Result result) {
        if (result.verified()) {
            accepted.add(what);
        } else {
            assertThat(result.failure()).as(what).isNotBlank();
        }
    }

    static List<byte[]> with(List<byte[]> proof, java.util.function.Consumer<List<byte[]>> change) {
        List<byte[]> copy = new ArrayList<>(proof);
        change.accept(copy);
        return copy;
    }

    static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[0] ^= (byte) bit;
        return copy;
    }

    static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }
}

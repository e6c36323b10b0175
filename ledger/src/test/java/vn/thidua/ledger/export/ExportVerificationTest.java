package vn.thidua.ledger.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.ledger.CanonicalEvent;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.MerkleProofs;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SigningKeys;
import vn.thidua.ledger.StoredTree;
import vn.thidua.ledger.TreeHead;
import vn.thidua.ledger.TreeHeadJson;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports written as the platform writes them, read back and checked offline as an auditor would: everything holds
 * for a faithful file in both formats, and each kind of tampering (a changed byte, a forged leaf, a column that
 * disagrees with its event, a dropped row, a cut file, swapped rows, a forged signature, a head of another history,
 * a missing proof) is named with its row.
 */
class ExportVerificationTest {

    private static final KeyPair KEYS = SigningKeys.generate();
    private static final int EVENTS = 300;
    private static final List<ExportLayout.Column> COLUMNS = List.of(ExportLayout.POSITION,
            new ExportLayout.Column("eventId", "Mã sự kiện"), new ExportLayout.Column("type", "Loại sự kiện"),
            new ExportLayout.Column("aggregateId", "Mã đối tượng"), new ExportLayout.Column("sequence", "Thứ tự"),
            new ExportLayout.Column("timestamp", "Thời điểm"), new ExportLayout.Column("description", "Mô tả"),
            ExportLayout.LEAF_INDEX, ExportLayout.LEAF_HASH, ExportLayout.INCLUSION_PATH, ExportLayout.CANONICAL_FORM);

    @TempDir
    Path dir;

    private final List<CanonicalEvent> events = IntStream.range(0, EVENTS).mapToObj(i -> event(i, "Bố Trạch " + i))
            .toList();
    private final StoredTree tree = StoredTree.of(events.stream().map(CanonicalEvent::canonicalBytes).toList());

    private static CanonicalEvent event(int i, String text) {
        return new CanonicalEvent("e-" + i, i % 2 == 0 ? "vn.thidua.domain.campaign.WorkPledged"
                : "vn.thidua.domain.campaign.ReportSubmitted", "1", "Campaign", "c-" + (i % 5), (long) (i / 5),
                Instant.parse("2020-02-12T02:00:00Z").plusSeconds(i),
                "{\"actorId\":\"u-1\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"n\":" + i + ",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private SignedTreeHead head(int size) {
        return SignedTreeHead.sign(new TreeHead(size, MerkleProofs.root(size, tree),
                Instant.parse("2026-11-22T00:00:00Z").plusSeconds(size)), KEYS.getPrivate(), KEYS.getPublic());
    }

    private List<Object> row(int i, int size) {
        List<String> path = MerkleProofs.inclusion(i, size, tree).stream().map(MerkleHashes::hex).toList();
        CanonicalEvent e = events.get(i);
        return new ArrayList<>(Arrays.asList((long) (2 * i + 1), e.eventId(), e.payloadType()
                .substring(e.payloadType().lastIndexOf('.') + 1), e.aggregateId(), e.sequence(),
                e.timestamp().toString(), "=HYPERLINK(\"http://x\") mô tả " + i, (long) i,
                MerkleHashes.hex(e.leafHash()), ExportLayout.pathCell(path), e.canonicalJson()));
    }

    /** An export of {@code rows} under the head of {@code size}, each row passed through {@code tamper}. */
    private Path export(ExportLayout.Format format, List<Integer> rows, int size, boolean complete,
                        Long consistencyFrom, UnaryOperator<List<Object>> tamper) throws Exception {
        Map<String, String> stamp = new LinkedHashMap<>();
        stamp.put(ExportLayout.KIND, "audit");
        stamp.put(ExportLayout.FILTER, complete ? "" : "aggregateId=c-1");
        stamp.put(ExportLayout.TAKEN_AT, "2026-11-22T00:00:00Z");
        stamp.put(ExportLayout.TREE_HEAD, TreeHeadJson.toJson(head(size)).toString());
        stamp.put(ExportLayout.COMPLETE, String.valueOf(complete));
        if (consistencyFrom != null) {
            stamp.put(ExportLayout.CONSISTENCY, new ConsistencyProof(consistencyFrom, size,
                    MerkleProofs.consistency(consistencyFrom, size, tree)).toJson().toString());
        }
        Path file = Files.createTempFile(dir, "export", "." + format.extension);
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportWriter writer = ExportWriter.open(format, out, stamp, COLUMNS);
            for (int i : rows) {
                writer.row(tamper.apply(row(i, size)));
            }
            writer.finish();
        }
        return file;
    }

    private Path whole(ExportLayout.Format format, int size) throws Exception {
        return export(format, IntStream.range(0, size).boxed().toList(), size, true, null, r -> r);
    }

    private OfflineVerifier.Report verify(Path file, SignedTreeHead... saved) throws Exception {
        return new OfflineVerifier(KEYS.getPublic(), List.of(saved), List.of()).verifyExport(file);
    }

    @Test
    void aFaithfulExportPassesInBothFormatsWithTheSavedHeadProvenConsistent() throws Exception {
        for (ExportLayout.Format format : ExportLayout.Format.values()) {
            Path file = export(format, IntStream.range(0, EVENTS).boxed().toList(), EVENTS, true, 100L, r -> r);
            OfflineVerifier.Report report = verify(file, head(100));
            assertThat(report.failed()).as(format.name()).isEmpty();
            assertThat(String.join("\n", report.passed())).contains("Số dòng: 300")
                    .contains("300 dòng, dạng chuẩn và băm lá khớp").contains("đủ mọi mục 0 … 299")
                    .contains("Nhất quán cây 100 mục → cây 300 mục: chứng minh đúng");
        }
        // a filtered export: the rows of one aggregate, proven one by one
        Path filtered = export(ExportLayout.Format.XLSX, IntStream.range(0, EVENTS).filter(i -> i % 5 == 1).boxed()
                .toList(), EVENTS, false, null, r -> r);
        assertThat(verify(filtered).failed()).isEmpty();
    }

    @Test
    void oneChangedByteOfACanonicalFormIsNamedWithItsRow() throws Exception {
        Path file = export(ExportLayout.Format.CSV, IntStream.range(0, 50).boxed().toList(), 50, true, null,
                r -> r.get(7).equals(17L) ? with(r, 10, r.get(10).toString().replace("Bố Trạch 17", "Bố Trạch 71"))
                        : r);
        OfflineVerifier.Report report = verify(file);
        assertThat(report.failed()).hasSize(1);
        assertThat(report.failed().get(0)).startsWith("Dòng 18 (vị trí 35): băm lá không khớp dạng chuẩn");
    }

    @Test
    void aLeafHashTheForgerRecomputedFailsTheInclusionProof() throws Exception {
        CanonicalEvent forged = event(17, "Bố Trạch bị sửa");
        Path file = export(ExportLayout.Format.XLSX, IntStream.range(0, 50).boxed().toList(), 50, true, null,
                r -> r.get(7).equals(17L) ? with(with(r, 10, forged.canonicalJson()), 8,
                        MerkleHashes.hex(forged.leafHash())) : r);
        assertThat(verify(file).failed()).singleElement().asString()
                .startsWith("Dòng 18 (vị trí 35): chứng minh bao hàm SAI");
    }

    @Test
    void aColumnThatDisagreesWithItsEventIsNamed() throws Exception {
        Path file = export(ExportLayout.Format.CSV, IntStream.range(0, 20).boxed().toList(), 20, true, null,
                r -> r.get(7).equals(3L) ? with(r, 3, "c-9") : r);
        assertThat(verify(file).failed()).singleElement().asString()
                .isEqualTo("Dòng 4 (vị trí 7): cột aggregateId (c-9) khác sự kiện (c-3)");
    }

    @Test
    void aDroppedRowIsCaughtInAWholeExportEvenWithTheCountMended() throws Exception {
        Path file = export(ExportLayout.Format.CSV, IntStream.range(0, 20).filter(i -> i != 5).boxed().toList(), 20,
                true, null, r -> r);
        assertThat(verify(file).failed()).singleElement().asString()
                .isEqualTo("Dòng 6 (vị trí 13): bản xuất đầy đủ phải có lá 5 ở đây, không phải lá 6");
        // the last row dropped and the count mended: the whole tree is not there
        Path shorter = export(ExportLayout.Format.CSV, IntStream.range(0, 19).boxed().toList(), 20, true, null,
                r -> r);
        assertThat(verify(shorter).failed()).singleElement().asString()
                .isEqualTo("Bản xuất đầy đủ dừng ở lá 18, cây có 20 mục");
    }

    @Test
    void aCutFileIsNamed() throws Exception {
        Path file = whole(ExportLayout.Format.CSV, 30);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, lines.size() - 3), StandardCharsets.UTF_8);
        assertThat(verify(file).failed()).containsExactly(
                "Tệp bị cắt: không có số dòng ghi cuối tệp (đọc được 28 dòng)",
                "Bản xuất đầy đủ dừng ở lá 27, cây có 30 mục");
        // rows added or removed with the count kept
        Path filtered = export(ExportLayout.Format.CSV, List.of(1, 6, 11), 30, false, null, r -> r);
        List<String> kept = new ArrayList<>(Files.readAllLines(filtered, StandardCharsets.UTF_8));
        kept.remove(kept.size() - 2);
        Files.write(filtered, kept, StandardCharsets.UTF_8);
        assertThat(verify(filtered).failed()).containsExactly(
                "Số dòng: tệp ghi 3, đọc được 2 (tệp bị cắt hoặc thêm bớt)");
    }

    @Test
    void swappedRowsAreNamedAsOutOfOrder() throws Exception {
        Path file = export(ExportLayout.Format.CSV, List.of(1, 6, 16, 11, 21), 30, false, null, r -> r);
        assertThat(verify(file).failed()).singleElement().asString()
                .isEqualTo("Dòng 4 (vị trí 23): lá 11 đứng sau lá 16: thứ tự sai");
    }

    @Test
    void aForgedOrForeignSignatureIsRefused() throws Exception {
        Path file = whole(ExportLayout.Format.CSV, 10);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        SignedTreeHead real = head(10);
        byte[] forged = real.signature().clone();
        forged[0] ^= 1;
        String forgedJson = TreeHeadJson.toJson(new SignedTreeHead(real.head(), real.keyId(), forged)).toString()
                .replace("\"", "\"\"");
        Files.writeString(file, text.replace(TreeHeadJson.toJson(real).toString().replace("\"", "\"\""),
                forgedJson), StandardCharsets.UTF_8);
        assertThat(verify(file).failed()).singleElement().asString()
                .startsWith("Chữ ký bản ghi cây của bản xuất 10 mục: KHÔNG hợp lệ");
        OfflineVerifier stranger = new OfflineVerifier(SigningKeys.generate().getPublic(), List.of(), List.of());
        assertThat(stranger.verifyExport(whole(ExportLayout.Format.XLSX, 10)).failed()).singleElement().asString()
                .contains("không phải khóa");
    }

    @Test
    void aSavedHeadOfAnotherHistoryIsNamed() throws Exception {
        // the server kept another history of the first 100 events than the one signed earlier
        List<byte[]> other = new ArrayList<>(events.stream().map(CanonicalEvent::canonicalBytes).toList());
        other.set(42, event(42, "đã viết lại").canonicalBytes());
        StoredTree rewritten = StoredTree.of(other);
        SignedTreeHead earlier = SignedTreeHead.sign(new TreeHead(100, MerkleProofs.root(100, rewritten),
                Instant.parse("2026-11-21T00:00:00Z")), KEYS.getPrivate(), KEYS.getPublic());
        Path file = export(ExportLayout.Format.CSV, List.of(1, 2), EVENTS, false, 100L, r -> r);
        assertThat(verify(file, earlier).failed()).singleElement().asString()
                .startsWith("Nhất quán cây 100 mục → cây 300 mục: chứng minh SAI");
        SignedTreeHead sameSize = SignedTreeHead.sign(new TreeHead(EVENTS, MerkleProofs.root(EVENTS, rewritten),
                Instant.parse("2026-11-21T00:00:00Z")), KEYS.getPrivate(), KEYS.getPublic());
        assertThat(verify(file, sameSize).failed()).singleElement().asString()
                .contains("HAI GỐC KHÁC NHAU cho cùng số mục");
    }

    @Test
    void aHeadWithoutAProofIsAskedForAndALaterHeadIsProvenWithAProofFile() throws Exception {
        Path file = export(ExportLayout.Format.XLSX, List.of(1, 2, 3), 200, false, null, r -> r);
        assertThat(verify(file, head(100)).failed()).singleElement().asString().isEqualTo(
                "Nhất quán cây 100 mục → cây 200 mục: thiếu chứng minh (lấy"
                        + " /api/audit/proofs/consistency?first=100&second=200 rồi đưa bằng --consistency)");
        ConsistencyProof later = new ConsistencyProof(200, EVENTS, MerkleProofs.consistency(200, EVENTS, tree));
        OfflineVerifier.Report report = new OfflineVerifier(KEYS.getPublic(), List.of(head(EVENTS)), List.of(later))
                .verifyExport(file);
        assertThat(report.failed()).isEmpty();
        assertThat(report.passed()).contains("Nhất quán cây 200 mục → cây 300 mục: chứng minh đúng (RFC 9162"
                + " 2.1.4.2): cây sau chứa nguyên vẹn cây trước");
    }

    @Test
    void longCanonicalFormsSpanXlsxCellsAndFormulasAreDefusedInCsv() throws Exception {
        String longText = "ệ".repeat(40_000) + "😀".repeat(20_000);
        CanonicalEvent big = event(3, longText);
        List<byte[]> entries = new ArrayList<>(events.stream().map(CanonicalEvent::canonicalBytes).toList());
        entries.set(3, big.canonicalBytes());
        StoredTree bigTree = StoredTree.of(entries.subList(0, 8));
        SignedTreeHead bigHead = SignedTreeHead.sign(new TreeHead(8, MerkleProofs.root(8, bigTree),
                Instant.parse("2026-11-22T00:00:00Z")), KEYS.getPrivate(), KEYS.getPublic());
        Map<String, String> stamp = Map.of(ExportLayout.KIND, "audit", ExportLayout.TREE_HEAD,
                TreeHeadJson.toJson(bigHead).toString());
        for (ExportLayout.Format format : ExportLayout.Format.values()) {
            Path file = dir.resolve("big." + format.extension);
            try (OutputStream out = Files.newOutputStream(file)) {
                ExportWriter writer = ExportWriter.open(format, out, stamp, COLUMNS);
                List<Object> row = row(3, 8);
                row.set(8, MerkleHashes.hex(big.leafHash()));
                row.set(9, ExportLayout.pathCell(MerkleProofs.inclusion(3, 8, bigTree).stream()
                        .map(MerkleHashes::hex).toList()));
                row.set(10, big.canonicalJson());
                writer.row(row);
                writer.finish();
            }
            assertThat(new OfflineVerifier(KEYS.getPublic(), List.of(), List.of()).verifyExport(file).failed())
                    .as(format.name()).isEmpty();
            List<String> read = new ArrayList<>();
            ExportFile.open(file).rows(line -> read.add(line.get("description")));
            assertThat(read).containsExactly(format == ExportLayout.Format.CSV
                    ? "'=HYPERLINK(\"http://x\") mô tả 3" : "=HYPERLINK(\"http://x\") mô tả 3");
        }
        assertThat(big.canonicalJson().length()).isGreaterThan(2 * ExportLayout.XLSX_CELL_MAX);
    }

    @Test
    void theCommandLineAnswersZeroOneOrTwo() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, SigningKeys.publicPem(KEYS.getPublic()));
        Path saved = dir.resolve("head-100.json");
        Files.writeString(saved, TreeHeadJson.toJson(head(100)).toString());
        Path good = export(ExportLayout.Format.CSV, IntStream.range(0, EVENTS).boxed().toList(), EVENTS, true, 100L,
                r -> r);
        assertThat(run("--key", key.toString(), "--head", saved.toString(), good.toString()))
                .startsWith("0\n").contains("KẾT QUẢ: ĐẠT");
        Path bad = export(ExportLayout.Format.CSV, List.of(1), EVENTS, false, null,
                r -> with(r, 1, "e-999"));
        assertThat(run("--key", key.toString(), bad.toString())).startsWith("1\n")
                .contains("SAI   Dòng 1 (vị trí 3): cột eventId (e-999) khác sự kiện (e-1)")
                .contains("KẾT QUẢ: KHÔNG ĐẠT");
        assertThat(run(good.toString())).startsWith("2\n").contains("Lỗi: cần --key");
        assertThat(run("--key", key.toString(), "--bogus")).startsWith("2\n").contains("không rõ tùy chọn --bogus");
        assertThat(run("--key", good.toString(), good.toString())).startsWith("2\n").contains("quá lớn");
        // two saved heads and the proof between them: heads alone
        Path later = dir.resolve("head-300.json");
        Files.writeString(later, TreeHeadJson.toJson(head(EVENTS)).toString());
        Path proof = dir.resolve("proof.json");
        Files.writeString(proof, new ConsistencyProof(100, EVENTS, MerkleProofs.consistency(100, EVENTS, tree))
                .toJson().toString());
        assertThat(run("--key", key.toString(), "--head", saved.toString(), "--head", later.toString(),
                "--consistency", proof.toString())).startsWith("0\n")
                .contains("Nhất quán cây 100 mục → cây 300 mục: chứng minh đúng");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    private static List<Object> with(List<Object> row, int column, Object value) {
        List<Object> changed = new ArrayList<>(row);
        changed.set(column, value);
        return changed;
    }
}

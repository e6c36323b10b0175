package vn.thidua.ledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.thidua.ledger.CanonicalEvent;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.ProofVerifier;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SigningKeys;
import vn.thidua.ledger.TreeHeadJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks exports and tree heads offline, trusting only the public key and the heads the auditor saved:
 * <ul>
 *   <li>each head (saved, or an export's stamp) is signed by the key;</li>
 *   <li>each row of an export: its canonical form is RFC 8785 canonical, its leaf hash is {@code SHA-256(0x00 ‖ form)},
 *       the row's own columns that the event states (event id, type, aggregate, sequence, time) are what the form
 *       says, and the inclusion path leads from the leaf at its index to the root of the export's head (RFC 9162
 *       2.1.3.2); rows in position order have increasing leaf indexes; an export stamped complete holds every leaf
 *       0 … n−1 once; the row count matches the one written after the rows (a cut file fails);</li>
 *   <li>every saved head and the export's head lie on one tree: equal roots at equal sizes, and otherwise a
 *       consistency proof (RFC 9162 2.1.4.2) between them, from the stamp or from a proof file.</li>
 * </ul>
 * What it cannot check offline: a row's columns that the event does not state (descriptions, document changes,
 * registry fields are the server's reading of the events), and events an export leaves out (a filtered export is
 * as complete as the server made it; a complete one is checked complete).
 */
public final class OfflineVerifier {

    /** What was checked: lines that passed, lines that failed. */
    public static final class Report {
        private final List<String> passed = new ArrayList<>();
        private final List<String> failed = new ArrayList<>();

        void pass(String line) {
            passed.add(line);
        }

        void fail(String line) {
            failed.add(line);
        }

        public List<String> passed() {
            return passed;
        }

        public List<String> failed() {
            return failed;
        }

        public boolean ok() {
            return failed.isEmpty();
        }
    }

    /** Failures listed per export before they are only counted. */
    static final int LISTED_ROW_FAILURES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey key;
    private final String keyId;
    private final List<SignedTreeHead> saved;
    private final List<ConsistencyProof> proofs;

    public OfflineVerifier(PublicKey key, List<SignedTreeHead> saved, List<ConsistencyProof> proofs) {
        this.key = key;
        this.keyId = SigningKeys.keyId(key);
        this.saved = saved.stream().sorted(Comparator.comparingLong(h -> h.head().treeSize())).toList();
        this.proofs = List.copyOf(proofs);
    }

    /** The saved heads: each signed by the key, each consecutive pair on one tree. */
    public Report verifyHeads() {
        Report report = new Report();
        for (SignedTreeHead head : saved) {
            signature(head, "bản ghi cây đã lưu", report);
        }
        for (int i = 1; i < saved.size(); i++) {
            related(saved.get(i - 1), saved.get(i), List.of(), report);
        }
        return report;
    }

    /** One export against its stamp, the key and the saved heads. */
    public Report verifyExport(Path file) throws IOException {
        Report report = new Report();
        ExportFile export = ExportFile.open(file);
        Map<String, String> stamp = export.stamp();
        String kind = stamp.getOrDefault(ExportLayout.KIND, "?");
        SignedTreeHead head;
        try {
            head = TreeHeadJson.fromJson(Optional.ofNullable(stamp.get(ExportLayout.TREE_HEAD)).orElse(""));
        } catch (IllegalArgumentException e) {
            report.fail("Tệp không mang bản ghi cây đã ký (treeHead): " + e.getMessage());
            return report;
        }
        report.pass("Bản xuất \"" + kind + "\" (" + stamp.getOrDefault(ExportLayout.FILTER, "") + "), lấy lúc "
                + stamp.getOrDefault(ExportLayout.TAKEN_AT, "?") + " theo cây " + head.head().treeSize()
                + " mục, gốc " + MerkleHashes.hex(head.head().rootHash()));
        if (!signature(head, "bản ghi cây của bản xuất", report)) {
            return report;
        }
        List<ConsistencyProof> stamped = new ArrayList<>();
        if (stamp.containsKey(ExportLayout.CONSISTENCY)) {
            try {
                stamped.add(ConsistencyProof.fromJson(stamp.get(ExportLayout.CONSISTENCY)));
            } catch (IllegalArgumentException e) {
                report.fail("Chứng minh nhất quán trong dấu không đọc được: " + e.getMessage());
            }
        }
        rows(export, stamp, head, report);
        for (SignedTreeHead s : saved) {
            if (signature(s, "bản ghi cây đã lưu", new Report())) {
                if (s.head().treeSize() <= head.head().treeSize()) {
                    related(s, head, stamped, report);
                } else {
                    related(head, s, stamped, report);
                }
            }
        }
        return report;
    }

    private boolean signature(SignedTreeHead head, String what, Report report) {
        String name = what + " " + head.head().treeSize() + " mục";
        if (!keyId.equals(head.keyId())) {
            report.fail("Chữ ký " + name + ": ký bằng khóa " + head.keyId() + ", không phải khóa " + keyId);
            return false;
        }
        if (!head.verifiedBy(key)) {
            report.fail("Chữ ký " + name + ": KHÔNG hợp lệ với khóa " + keyId);
            return false;
        }
        report.pass("Chữ ký " + name + ": hợp lệ (khóa " + keyId + ")");
        return true;
    }

    /** Whether {@code later} extends {@code earlier}: equal roots at one size, else a consistency proof. */
    private void related(SignedTreeHead earlier, SignedTreeHead later, List<ConsistencyProof> stamped,
                         Report report) {
        long first = earlier.head().treeSize();
        long second = later.head().treeSize();
        String pair = "cây " + first + " mục → cây " + second + " mục";
        if (first == second) {
            if (MessageDigest.isEqual(earlier.head().rootHash(), later.head().rootHash())) {
                report.pass("Nhất quán " + pair + ": cùng gốc");
            } else {
                report.fail("Nhất quán " + pair + ": HAI GỐC KHÁC NHAU cho cùng số mục (cây đã bị viết lại)");
            }
            return;
        }
        List<ConsistencyProof> candidates = new ArrayList<>(stamped);
        candidates.addAll(proofs);
        Optional<ConsistencyProof> proof = candidates.stream()
                .filter(p -> p.first() == first && p.second() == second).findFirst();
        if (proof.isEmpty()) {
            report.fail("Nhất quán " + pair + ": thiếu chứng minh (lấy /api/audit/proofs/consistency?first=" + first
                    + "&second=" + second + " rồi đưa bằng --consistency)");
            return;
        }
        ProofVerifier.Result result = ProofVerifier.verifyConsistency(first, second, earlier.head().rootHash(),
                later.head().rootHash(), proof.get().proof());
        if (result.verified()) {
            report.pass("Nhất quán " + pair + ": chứng minh đúng (RFC 9162 2.1.4.2): cây sau chứa nguyên vẹn cây"
                    + " trước");
        } else {
            report.fail("Nhất quán " + pair + ": chứng minh SAI: " + result.failure());
        }
    }

    private void rows(ExportFile export, Map<String, String> stamp, SignedTreeHead head, Report report)
            throws IOException {
        RowChecks checks = new RowChecks(head, stamp, report);
        try {
            export.rows(checks::check);
        } catch (IllegalArgumentException e) {
            report.fail("Tệp hỏng: " + e.getMessage());
            return;
        }
        checks.finish(export.trailer());
    }

    /** The checks of every row of one export. */
    private static final class RowChecks {
        private final SignedTreeHead head;
        private final Map<String, String> stamp;
        private final Report report;
        private final boolean complete;
        private final boolean ordered;
        private final boolean mustCover;
        private long rows;
        private long proven;
        private long uncovered;
        private long failures;
        private long lastIndex = -1;
        private long lastPosition = Long.MIN_VALUE;
        private Long rowIndex;
        private Long rowPosition;

        RowChecks(SignedTreeHead head, Map<String, String> stamp, Report report) {
            this.head = head;
            this.stamp = stamp;
            this.report = report;
            this.complete = "true".equals(stamp.get(ExportLayout.COMPLETE));
            String kind = stamp.getOrDefault(ExportLayout.KIND, "");
            this.ordered = !kind.equals("awards");
            this.mustCover = !kind.equals("awards");
        }

        void check(ExportFile.Line line) {
            rows++;
            rowIndex = null;
            rowPosition = null;
            String failure = failure(line);
            // the next row is compared with what this one claims, so one bad row is named once, not its followers
            if (rowIndex != null) {
                lastIndex = rowIndex;
            }
            if (rowPosition != null) {
                lastPosition = rowPosition;
            }
            if (failure != null) {
                failures++;
                if (failures <= LISTED_ROW_FAILURES) {
                    report.fail("Dòng " + line.number() + positionOf(line) + ": " + failure);
                }
            }
        }

        private static String positionOf(ExportFile.Line line) {
            String position = line.get(ExportLayout.POSITION.key());
            return position == null ? "" : " (vị trí " + position + ")";
        }

        private String failure(ExportFile.Line line) {
            String index = line.get(ExportLayout.LEAF_INDEX.key());
            String hash = line.get(ExportLayout.LEAF_HASH.key());
            String path = line.get(ExportLayout.INCLUSION_PATH.key());
            String form = line.get(ExportLayout.CANONICAL_FORM.key());
            if (index == null && hash == null && path == null && form == null) {
                uncovered++;
                return mustCover ? "không có lá, đường chứng minh và dạng chuẩn" : null;
            }
            if (index == null || hash == null || form == null) {
                return "thiếu chỉ số lá, băm lá hoặc dạng chuẩn";
            }
            long leafIndex;
            byte[] leafHash;
            List<byte[]> hashes = new ArrayList<>();
            String position = line.get(ExportLayout.POSITION.key());
            try {
                leafIndex = Long.parseLong(number(index));
                rowIndex = leafIndex;
                rowPosition = position == null ? null : Long.parseLong(number(position));
                leafHash = MerkleHashes.fromHex(hash);
                if (path != null) {
                    for (String h : path.trim().split("\\s+")) {
                        hashes.add(MerkleHashes.fromHex(h));
                    }
                }
            } catch (IllegalArgumentException e) {
                return "ô không đọc được: " + e.getMessage();
            }
            if (complete && leafIndex != lastIndex + 1) {
                return "bản xuất đầy đủ phải có lá " + (lastIndex + 1) + " ở đây, không phải lá " + leafIndex;
            }
            byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
            try {
                if (!MessageDigest.isEqual(CanonicalEvent.canonicalize(form), bytes)) {
                    return "dạng chuẩn không ở dạng RFC 8785";
                }
            } catch (IllegalArgumentException e) {
                return "dạng chuẩn không phải JSON";
            }
            if (!MessageDigest.isEqual(MerkleHashes.leaf(bytes), leafHash)) {
                return "băm lá không khớp dạng chuẩn (SHA-256(0x00 ‖ dạng chuẩn) = "
                        + MerkleHashes.hex(MerkleHashes.leaf(bytes)) + ")";
            }
            String columns = columnsAgainstForm(line, form);
            if (columns != null) {
                return columns;
            }
            ProofVerifier.Result included = ProofVerifier.verifyInclusion(leafIndex, head.head().treeSize(),
                    leafHash, hashes, head.head().rootHash());
            if (!included.verified()) {
                return "chứng minh bao hàm SAI: " + included.failure();
            }
            if (ordered && leafIndex <= lastIndex) {
                return "lá " + leafIndex + " đứng sau lá " + lastIndex + ": thứ tự sai";
            }
            if (ordered && rowPosition != null && rowPosition <= lastPosition) {
                return "vị trí " + rowPosition + " đứng sau vị trí " + lastPosition + ": thứ tự sai";
            }
            proven++;
            return null;
        }

        /** The row's columns that the event itself states, against its canonical form. */
        private static String columnsAgainstForm(ExportFile.Line line, String form) {
            JsonNode event;
            try {
                event = JSON.readTree(form);
            } catch (IOException e) {
                return "dạng chuẩn không phải JSON";
            }
            for (String field : List.of("eventId", "aggregateId", "timestamp")) {
                String shown = line.get(field);
                if (shown != null && !shown.equals(event.path(field).asText(null))) {
                    return "cột " + field + " (" + shown + ") khác sự kiện (" + event.path(field).asText(null) + ")";
                }
            }
            String sequence = line.get("sequence");
            if (sequence != null && !number(sequence).equals(event.path("sequence").asText(null))) {
                return "cột sequence (" + sequence + ") khác sự kiện (" + event.path("sequence").asText(null) + ")";
            }
            String type = line.get("type");
            String payloadType = event.path("payloadType").asText("");
            if (type != null && !payloadType.equals(type) && !payloadType.endsWith("." + type)) {
                return "cột type (" + type + ") khác sự kiện (" + payloadType + ")";
            }
            return null;
        }

        /** A whole number as a spreadsheet may show it ("12" or "12.0"). */
        private static String number(String text) {
            String t = text.trim();
            return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
        }

        void finish(Map<String, String> trailer) {
            if (failures > LISTED_ROW_FAILURES) {
                report.fail("… và " + (failures - LISTED_ROW_FAILURES) + " dòng sai nữa");
            }
            String written = trailer.getOrDefault(ExportLayout.ROWS, stamp.get(ExportLayout.ROWS));
            if (written == null) {
                report.fail("Tệp bị cắt: không có số dòng ghi cuối tệp (đọc được " + rows + " dòng)");
            } else if (!written.equals(String.valueOf(rows))) {
                report.fail("Số dòng: tệp ghi " + written + ", đọc được " + rows + " (tệp bị cắt hoặc thêm bớt)");
            } else {
                report.pass("Số dòng: " + rows + ", đúng như tệp ghi");
            }
            if (complete && failures == 0 && lastIndex + 1 != head.head().treeSize()) {
                report.fail("Bản xuất đầy đủ dừng ở lá " + lastIndex + ", cây có " + head.head().treeSize() + " mục");
            }
            if (failures == 0) {
                report.pass("Mọi dòng có lá: " + proven + " dòng, dạng chuẩn và băm lá khớp, chứng minh bao hàm đúng"
                        + " tới gốc của cây " + head.head().treeSize() + " mục"
                        + (complete ? "; đủ mọi mục 0 … " + (head.head().treeSize() - 1) : ""));
            }
            if (uncovered > 0 && !mustCover) {
                report.pass(uncovered + " dòng chưa có lá trong cây " + head.head().treeSize()
                        + " mục (sự kiện sau dấu cây): không kiểm được ngoại tuyến");
            }
        }
    }
}

package vn.thidua.planimport;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The seed plans as real copies arrive: in NFD, inside a web page's header and footer, with OCR-like slips, with the
 * header as a markdown table, as a .docx (header in a two-column table), and cut after the opening (a page that
 * carries the first part only). Each reads as the clean text does, and a copy cut short gets no field it lost.
 */
class PlanRobustnessTest {

    private static List<LabelledPlans.Score> scoreAll(UnaryOperator<String> copy) {
        List<LabelledPlans.Score> scores = new ArrayList<>();
        for (LabelledPlans.Seed seed : LabelledPlans.seeds()) {
            scores.addAll(LabelledPlans.score(seed, PlanImporter.read(copy.apply(seed.text()))));
        }
        return scores;
    }

    private static void readsAsTheCleanText(UnaryOperator<String> copy) {
        List<LabelledPlans.Score> clean = scoreAll(UnaryOperator.identity());
        List<LabelledPlans.Score> copied = scoreAll(copy);
        assertThat(copied).as(PlanAccuracyTest.table(copied)).isEqualTo(clean);
    }

    @Test
    void decomposedUnicode() {
        readsAsTheCleanText(text -> Normalizer.normalize(text, Normalizer.Form.NFD));
    }

    @Test
    void insideAWebPage() {
        readsAsTheCleanText(text -> String.join("\n",
                "CỔNG THÔNG TIN ĐIỆN TỬ",
                "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Liên hệ",
                "Trang chủ » Văn bản chỉ đạo, điều hành » Kế hoạch",
                "Ngày đăng: 14/02/2020 | Lượt xem: 1.245",
                "Chia sẻ  In trang",
                "",
                text,
                "",
                "Tải về: ke-hoach.pdf (245 KB)",
                "Văn bản liên quan",
                "- Kế hoạch số 12/KH-UBND ngày 05/01/2020 về công tác thi đua, khen thưởng năm 2020",
                "- Công văn số 45/UBND-NV ngày 20/3/2020 về việc báo cáo kết quả",
                "Bản quyền © Cổng thông tin điện tử. Địa chỉ: 02 Lý Thường Kiệt. Điện thoại: 0232.3862.123",
                "Ghi rõ nguồn khi phát hành lại thông tin từ website này."));
    }

    @Test
    void ocrLikeSlips() {
        readsAsTheCleanText(text -> text
                .replace("Nơi nhận", "Noi nhân")
                .replace("KẾ HOẠCH\n", "KÊ HOACH\n")
                .replace("trước ngày 15/7/2020", "truóc ngày l5/7/2O20")
                .replace("trong tháng 6/2020", "trong thang 6/2O20")
                .replace("Số: ", "Sô: ")
                .replace("TM. ", "TM.  "));
    }

    @Test
    void headerAsAMarkdownTable() {
        readsAsTheCleanText(text -> text
                .replace("Số: **195** /KH-UBND\n\n*Bố Trạch, ngày **12** tháng 02 năm 2020*",
                        "| Số: 195/KH-UBND | *Bố Trạch, ngày 12 tháng 02 năm 2020* |\n|---|---|")
                .replace("Số: /KH-UBND\n\nThủ Thừa, ngày tháng năm 2019",
                        "| **Số: /KH-UBND** | *Thủ Thừa, ngày tháng năm 2019* |\n| :--- | ---: |"));
    }

    @Test
    void asADocxWithItsHeaderInATable() throws IOException {
        for (LabelledPlans.Seed seed : LabelledPlans.seeds()) {
            List<LabelledPlans.Score> fromText = LabelledPlans.score(seed, PlanImporter.read(seed.text()));
            PlanDraft draft = PlanImporter.read(docx(seed.text()));
            assertThat(LabelledPlans.score(seed, draft)).as(seed.file()).isEqualTo(fromText);
        }
    }

    /**
     * A .docx of a text: its lines as paragraphs, except the lines before the heading, which go into a two-column
     * table as Word headers are laid out (number on the left, place and date on the right).
     */
    static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String[] lines = text.replaceAll("[*#\\\\]", "").split("\n");
            int heading = 0;
            while (heading < lines.length && !lines[heading].strip().equals("KẾ HOẠCH")) {
                heading++;
            }
            if (heading < lines.length && heading > 0) {
                XWPFTable table = document.createTable(1, 2);
                XWPFTableRow row = table.getRow(0);
                StringBuilder left = new StringBuilder();
                StringBuilder right = new StringBuilder();
                for (int i = 0; i < heading; i++) {
                    String line = lines[i].replace("\t", "").strip();
                    boolean dateLine = line.contains(", ngày");
                    (dateLine || line.startsWith("ĐẢNG CỘNG SẢN") ? right : left).append(line).append('\n');
                }
                fill(row.getCell(0), left.toString());
                fill(row.getCell(1), right.toString());
            } else {
                heading = 0;
            }
            for (int i = heading; i < lines.length; i++) {
                document.createParagraph().createRun().setText(lines[i].replace("\t", ""));
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(org.apache.poi.xwpf.usermodel.XWPFTableCell cell, String lines) {
        String[] each = lines.split("\n", -1);
        cell.getParagraphs().get(0).createRun().setText(each[0]);
        for (int i = 1; i < each.length; i++) {
            cell.addParagraph().createRun().setText(each[i]);
        }
    }

    @Test
    void aCopyOfTheOpeningOnlyGetsNothingItLost() {
        for (LabelledPlans.Seed seed : LabelledPlans.seeds()) {
            String[] lines = seed.text().split("\n", -1);
            int cut = 0;
            while (cut < lines.length && !lines[cut].replaceAll("[#* ]", "").startsWith("I.")) {
                cut++;
            }
            assertThat(cut).as("first part of " + seed.file()).isLessThan(lines.length);
            PlanDraft opening = PlanImporter.read(String.join("\n", List.of(lines).subList(0, cut)));
            PlanDraft whole = PlanImporter.read(seed.text());
            DraftPlan o = opening.plan();
            assertThat(o.documentNumber()).isEqualTo(whole.plan().documentNumber());
            assertThat(o.issuer()).isEqualTo(whole.plan().issuer());
            assertThat(o.place()).isEqualTo(whole.plan().place());
            assertThat(o.issueDate()).isEqualTo(whole.plan().issueDate());
            assertThat(o.title()).isEqualTo(whole.plan().title());
            assertThat(o.signer()).as("no signature in an opening").isNull();
            assertThat(o.distributionList()).isNull();
            assertThat(o.milestones()).isNull();
            assertThat(o.awardSchemes()).isNull();
            assertThat(o.dossierRequirements()).isNull();
            assertThat(o.period()).isNull();
            assertThat(opening.blanks()).extracting(PlanDraft.Blank::field)
                    .contains("plan.signer", "plan.distributionList", "plan.period");
        }
    }

    @Test
    void whatIsNoPlanIsRefusedWithAReason() throws IOException {
        assertThatThrownBy(() -> PlanImporter.read(new byte[]{(byte) 0xC3, 0x28, 'a'}))
                .isInstanceOf(PlanImportException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> PlanImporter.read(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
                .isInstanceOf(PlanImportException.class).hasMessageContaining(".docx");
        assertThatThrownBy(() -> PlanImporter.read("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PlanImportException.class).hasMessageContaining("PDF");
        assertThatThrownBy(() -> PlanImporter.read(new byte[PlanImporter.MAX_BYTES + 1]))
                .isInstanceOf(PlanImportException.class).hasMessageContaining("MiB");
        assertThatThrownBy(() -> PlanImporter.read("x".repeat(PlanText.MAX_CHARS + 1)))
                .isInstanceOf(PlanImportException.class).hasMessageContaining("ký tự");
        assertThatThrownBy(() -> PlanImporter.read("\n".repeat(PlanText.MAX_LINES + 1)))
                .isInstanceOf(PlanImportException.class).hasMessageContaining("dòng");
        byte[] notADocx = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3};
        assertThatThrownBy(() -> PlanImporter.read(notADocx)).isInstanceOf(PlanImportException.class);
        assertThatThrownBy(() -> PlanImporter.read(zipBomb())).isInstanceOf(PlanImportException.class)
                .hasMessageContaining("giải nén");
    }

    /** A small ZIP that unpacks to more than the limit. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written <= DocxText.MAX_UNPACKED_BYTES; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(PlanImporter.MAX_BYTES);
        return out.toByteArray();
    }

    /**
     * Texts made to cost (a 400,000-character line of cue words, of deadlines, of award offers, of markup; 20,000
     * recipients) are read, their lists bounded as a plan's are. The time limit is not a measure: these take well under
     * a second; it fails only a reading that grows with the square of the text.
     */
    @Test
    void hostileTextsAreReadAndBounded() {
        List<String> hostile = List.of(
                "KẾ HOẠCH\nx\n\n" + "phát động đợt thi đua ".repeat(18_000),
                "KẾ HOẠCH\nx\n\n" + "trước ngày 15/7/2020 ".repeat(19_000),
                "KẾ HOẠCH\nx\n\n" + "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể ".repeat(6_500),
                "a*".repeat(190_000),
                "Nơi nhận:\n" + "- Ban Thi đua\n".repeat(19_000),
                "KẾ HOẠCH\n" + "“".repeat(390_000),
                "Số: " + "1/".repeat(190_000),
                "|" + "--|".repeat(130_000),
                "| " + "a | ".repeat(95_000));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String text : hostile) {
                DraftPlan plan = PlanImporter.read(text).plan();
                assertThat(plan.milestones() == null ? 0 : plan.milestones().size()).isLessThanOrEqualTo(100);
                assertThat(plan.distributionList() == null ? 0 : plan.distributionList().size())
                        .isLessThanOrEqualTo(100);
            }
        });
    }

    @Test
    void anEmptyTextIsAnEmptyDraftNotAGuess() {
        PlanDraft draft = PlanImporter.read("");
        assertThat(draft.plan()).isEqualTo(new DraftPlan(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        assertThat(draft.sources()).isEmpty();
        assertThat(draft.blanks()).isNotEmpty();
    }
}

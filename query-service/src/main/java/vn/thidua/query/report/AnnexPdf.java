package vn.thidua.query.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision's annex as a PDF: A4 landscape, the list as a table that continues over as many pages as it needs (its
 * heading repeated), numbered pages. The text is set in DejaVu Sans, embedded (the glyphs used only), which has every
 * Vietnamese letter: the PDF reads the same on any machine, with no font installed.
 */
public final class AnnexPdf {

    private static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float SIZE = 10;
    private static final float LEADING = 13;
    private static final float PAD = 4;
    /** Column widths (pt): STT, nominee, kind, unit, form, achievement, note. */
    private static final float[] WIDTHS = {30, 150, 60, 150, 120, 170, 90};
    private static final String[] HEADINGS = {"STT", "Họ và tên / Tập thể", "Đối tượng", "Đơn vị",
        "Hình thức khen thưởng", "Thành tích", "Ghi chú"};

    private AnnexPdf() {
    }

    public static void write(DecisionAnnex annex, OutputStream out) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = load(document, REGULAR);
            PDType0Font bold = load(document, BOLD);
            new Layout(document, regular, bold).annex(annex);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDType0Font load(PDDocument document, String resource) throws IOException {
        try (InputStream in = AnnexPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path");
            }
            return PDType0Font.load(document, in);
        }
    }

    /** Writes page after page, keeping where the next line goes. */
    private static final class Layout {
        private final PDDocument document;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document, PDType0Font regular, PDType0Font bold) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
        }

        void annex(DecisionAnnex annex) throws IOException {
            newPage();
            centered(bold, 12, annex.grantingAuthority() == null ? "" : annex.grantingAuthority().toUpperCase());
            y -= 10;
            centered(bold, 14, "DANH SÁCH KHEN THƯỞNG");
            centered(regular, 11, "(Kèm theo Quyết định số " + annex.decision().number() + " ngày "
                    + Reports.date(annex.decision().date()) + (annex.grantingAuthority() == null ? ""
                    : " của " + annex.grantingAuthority()) + ")");
            if (annex.campaignTitle() != null) {
                for (String line : wrap(regular, 10, annex.campaignTitle(), PAGE.getWidth() - 2 * MARGIN)) {
                    centered(regular, 10, line);
                }
            }
            y -= 8;
            row(HEADINGS, bold);
            for (DecisionAnnex.Row r : annex.rows()) {
                String[] cells = {Integer.toString(r.number()), r.nominee(), Reports.kind(r.kind()), r.unit(),
                    r.form() + (r.level() == null ? "" : " (" + r.level() + ")"), r.achievement(), r.note()};
                if (height(cells, regular) > y - MARGIN - 20) {
                    newPage();
                    row(HEADINGS, bold);
                }
                row(cells, regular);
            }
            y -= 12;
            line(regular, SIZE, MARGIN, "Tổng cộng: " + annex.rows().size() + " (" + annex.collectives()
                    + " tập thể, " + annex.individuals() + " cá nhân).");
            y -= 24;
            String signer = annex.decision().signerTitle() == null ? "" : annex.decision().signerTitle();
            line(bold, SIZE, PAGE.getWidth() - MARGIN - 240, signer.toUpperCase());
            y -= 30;
            line(bold, SIZE, PAGE.getWidth() - MARGIN - 240, nonNull(annex.decision().signerName()));
            stream.close();
            numberPages();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            pages.add(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        private void centered(PDType0Font font, float size, String text) throws IOException {
            float width = font.getStringWidth(text) / 1000 * size;
            line(font, size, Math.max(MARGIN, (PAGE.getWidth() - width) / 2), text);
        }

        private void line(PDType0Font font, float size, float x, String text) throws IOException {
            y -= size + 4;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

        private float height(String[] cells, PDType0Font font) throws IOException {
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                lines = Math.max(lines, wrap(font, SIZE, nonNull(cells[i]), WIDTHS[i] - 2 * PAD).size());
            }
            return lines * LEADING + 2 * PAD;
        }

        /** One row of the table: each cell's text wrapped to its column, a box around each cell. */
        private void row(String[] cells, PDType0Font font) throws IOException {
            float rowHeight = height(cells, font);
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                stream.addRect(x, y - rowHeight, WIDTHS[i], rowHeight);
                stream.stroke();
                float lineY = y - PAD - SIZE;
                for (String text : wrap(font, SIZE, nonNull(cells[i]), WIDTHS[i] - 2 * PAD)) {
                    stream.beginText();
                    stream.setFont(font, SIZE);
                    stream.newLineAtOffset(x + PAD, lineY);
                    stream.showText(text);
                    stream.endText();
                    lineY -= LEADING;
                }
                x += WIDTHS[i];
            }
            y -= rowHeight;
        }

        private void numberPages() throws IOException {
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String text = "Trang " + (i + 1) + "/" + pages.size();
                    footer.beginText();
                    footer.setFont(regular, 9);
                    footer.newLineAtOffset(PAGE.getWidth() - MARGIN - regular.getStringWidth(text) / 1000 * 9,
                            MARGIN / 2);
                    footer.showText(text);
                    footer.endText();
                }
            }
        }
    }

    /** {@code text} in lines no wider than {@code width}, broken between words (a longer word is cut). */
    static List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, text).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (font.getStringWidth(word) / 1000 * size > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && font.getStringWidth(word.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with any character the font cannot draw (a control character, an emoji) replaced by "?". */
    static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean drawable = !Character.isISOControl(cp);
            try {
                font.encode(new String(Character.toChars(cp))); // refuses a character without a glyph
            } catch (IOException | IllegalArgumentException e) {
                drawable = false;
            }
            out.appendCodePoint(drawable ? cp : Character.isWhitespace(cp) ? ' ' : '?');
        });
        return out.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

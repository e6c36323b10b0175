package vn.thidua.planimport;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipInputStream;

/**
 * A .docx's text in reading order: each paragraph a line (an empty paragraph an empty line, which is what separates a
 * title from the text under it), and a table — the two-column header of an administrative document, the signature
 * beside "Nơi nhận" — cell by cell, each cell's paragraphs as lines. The package is measured before POI opens it: a
 * file that unpacks to more than {@value #MAX_UNPACKED_BYTES} bytes or holds more than {@value #MAX_ENTRIES} parts is
 * refused (a zip bomb costs its sender, not the server).
 */
final class DocxText {

    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;

    private DocxText() {
    }

    static String of(byte[] docx) {
        measure(docx);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder text = new StringBuilder();
            elements(document.getBodyElements(), text);
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw new PlanImportException("Không đọc được tệp .docx: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void elements(List<IBodyElement> elements, StringBuilder text) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                text.append(paragraph.getText()).append('\n');
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        elements(cell.getBodyElements(), text);
                    }
                }
            } else if (element instanceof XWPFSDT control) {
                text.append(control.getContent().getText()).append('\n');
            }
        }
    }

    /** Unpacks the package without keeping it, counting parts and bytes. */
    private static void measure(byte[] docx) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            while (zip.getNextEntry() != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new PlanImportException("Tệp .docx có hơn " + MAX_ENTRIES + " phần");
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new PlanImportException("Tệp .docx giải nén vượt " + MAX_UNPACKED_BYTES / 1024 / 1024
                                + " MiB");
                    }
                }
            }
        } catch (IOException e) {
            throw new PlanImportException("Tệp không phải .docx (không mở được gói ZIP)", e);
        }
        if (entries == 0) {
            throw new PlanImportException("Tệp không phải .docx (không có nội dung ZIP)");
        }
    }
}

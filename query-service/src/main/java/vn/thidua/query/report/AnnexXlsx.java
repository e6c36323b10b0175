package vn.thidua.query.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** A decision's annex as a workbook: the same heading and table as the PDF, one sheet, ready to print. */
public final class AnnexXlsx {

    private static final String[] HEADINGS = {"STT", "Họ và tên / Tập thể", "Đối tượng", "Đơn vị",
        "Hình thức khen thưởng", "Cấp", "Thành tích", "Ghi chú"};
    private static final int[] WIDTHS = {6, 32, 12, 32, 26, 12, 50, 30};

    private AnnexXlsx() {
    }

    public static void write(DecisionAnnex annex, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            CellStyle title = Workbooks.style(workbook, true, 13, HorizontalAlignment.CENTER, false);
            CellStyle subtitle = Workbooks.style(workbook, false, 11, HorizontalAlignment.CENTER, false);
            CellStyle heading = Workbooks.style(workbook, true, 10, HorizontalAlignment.CENTER, true);
            CellStyle cell = Workbooks.style(workbook, false, 10, HorizontalAlignment.LEFT, true);
            int r = 0;
            r = merged(sheet, r, title, annex.grantingAuthority() == null ? "" : annex.grantingAuthority()
                    .toUpperCase());
            r = merged(sheet, r, title, "DANH SÁCH KHEN THƯỞNG");
            r = merged(sheet, r, subtitle, "(Kèm theo Quyết định số " + annex.decision().number() + " ngày "
                    + Reports.date(annex.decision().date()) + (annex.grantingAuthority() == null ? ""
                    : " của " + annex.grantingAuthority()) + ")");
            if (annex.campaignTitle() != null) {
                r = merged(sheet, r, subtitle, annex.campaignTitle());
            }
            r++;
            Row head = sheet.createRow(r++);
            for (int i = 0; i < HEADINGS.length; i++) {
                Workbooks.cell(head, i, HEADINGS[i], heading);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int firstData = r;
            for (DecisionAnnex.Row row : annex.rows()) {
                Row line = sheet.createRow(r++);
                Workbooks.cell(line, 0, row.number(), cell);
                Workbooks.cell(line, 1, row.nominee(), cell);
                Workbooks.cell(line, 2, Reports.kind(row.kind()), cell);
                Workbooks.cell(line, 3, row.unit(), cell);
                Workbooks.cell(line, 4, row.form(), cell);
                Workbooks.cell(line, 5, row.level(), cell);
                Workbooks.cell(line, 6, row.achievement(), cell);
                Workbooks.cell(line, 7, row.note(), cell);
            }
            r++;
            Workbooks.cell(sheet.createRow(r), 1, "Tổng cộng: " + annex.rows().size() + " (" + annex.collectives()
                    + " tập thể, " + annex.individuals() + " cá nhân)", cell);
            sheet.setRepeatingRows(new CellRangeAddress(firstData - 1, firstData - 1, 0, HEADINGS.length - 1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int merged(Sheet sheet, int r, CellStyle style, String text) {
        Workbooks.cell(sheet.createRow(r), 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADINGS.length - 1));
        return r + 1;
    }
}

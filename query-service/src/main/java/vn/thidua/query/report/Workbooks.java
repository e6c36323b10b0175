package vn.thidua.query.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles and writes the reports' workbooks share. */
final class Workbooks {

    /** The longest text a cell holds (Excel's limit). */
    static final int MAX_CELL = 32_767;

    private Workbooks() {
    }

    static CellStyle style(Workbook workbook, boolean bold, int points, HorizontalAlignment align, boolean boxed) {
        Font font = workbook.createFont();
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(true);
        if (boxed) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    /** A text cell; a text that starts like a formula is written as text all the same (POI never evaluates it). */
    static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        String value = text == null ? "" : text;
        cell.setCellValue(value.length() > MAX_CELL ? value.substring(0, MAX_CELL) : value);
        cell.setCellStyle(style);
    }

    static void cell(Row row, int column, long number, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(number);
        cell.setCellStyle(style);
    }
}

package vn.thidua.ledger.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one export, a row at a time, in the layout of {@link ExportLayout}: the stamp, the header, the rows, then the
 * row count. Nothing but the current row is held (POI's SXSSF keeps a window of 100 rows and spills the rest to a
 * compressed temporary file), so a million rows keep memory flat. Cells are {@code Long} (numbers) or text; null is
 * an empty cell.
 */
public abstract sealed class ExportWriter {

    protected final Map<String, String> stamp;
    protected final List<ExportLayout.Column> columns;
    protected long rows;

    private ExportWriter(Map<String, String> stamp, List<ExportLayout.Column> columns) {
        this.stamp = new LinkedHashMap<>(stamp);
        this.columns = List.copyOf(columns);
    }

    public static ExportWriter open(ExportLayout.Format format, OutputStream out, Map<String, String> stamp,
                                    List<ExportLayout.Column> columns) {
        return format == ExportLayout.Format.CSV ? new Csv(out, stamp, columns) : new Xlsx(out, stamp, columns);
    }

    /** One row, its cells in the order of the columns. */
    public abstract void row(List<?> cells);

    /** Writes the row count and ends the file (the stream stays open). */
    public abstract void finish();

    public long rows() {
        return rows;
    }

    static final class Csv extends ExportWriter {

        private static final CsvMapper CSV = new CsvMapper();

        private final Writer text;
        private final SequenceWriter records;

        Csv(OutputStream out, Map<String, String> stamp, List<ExportLayout.Column> columns) {
            super(stamp, columns);
            try {
                text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                text.write('\uFEFF');
                records = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(text);
                for (Map.Entry<String, String> e : this.stamp.entrySet()) {
                    records.write(new String[]{ExportLayout.STAMP_MARK + e.getKey(), e.getValue()});
                }
                records.write(columns.stream().map(ExportLayout.Column::header).toArray(String[]::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<?> cells) {
            String[] record = new String[cells.size()];
            for (int i = 0; i < record.length; i++) {
                record[i] = text(cells.get(i));
            }
            try {
                records.write(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        /** A text a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"). */
        private static String text(Object cell) {
            if (cell == null) {
                return "";
            }
            String value = cell.toString();
            if (cell instanceof String && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                return "'" + value;
            }
            return value;
        }

        @Override
        public void finish() {
            try {
                records.write(new String[]{ExportLayout.STAMP_MARK + ExportLayout.ROWS, String.valueOf(rows)});
                records.flush();
                text.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Xlsx extends ExportWriter {

        private final OutputStream out;
        private final SXSSFWorkbook book = new SXSSFWorkbook(100);
        private final CellStyle bold;
        private Sheet sheet;
        private int sheets;
        private int nextRow;

        Xlsx(OutputStream out, Map<String, String> stamp, List<ExportLayout.Column> columns) {
            super(stamp, columns);
            this.out = out;
            book.setCompressTempFiles(true);
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            newSheet();
        }

        private void newSheet() {
            sheets++;
            sheet = book.createSheet(sheets == 1 ? ExportLayout.DATA_SHEET : ExportLayout.DATA_SHEET + " " + sheets);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            nextRow = 1;
        }

        @Override
        public void row(List<?> cells) {
            if (nextRow == ExportLayout.XLSX_ROWS_PER_SHEET) {
                newSheet();
            }
            Row row = sheet.createRow(nextRow++);
            int column = 0;
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                boolean canonical = i < columns.size() && columns.get(i) == ExportLayout.CANONICAL_FORM;
                if (value instanceof Number n) {
                    row.createCell(column++).setCellValue(n.doubleValue());
                } else if (value == null) {
                    column++;
                } else if (canonical) {
                    for (String part : parts(value.toString())) {
                        row.createCell(column++).setCellValue(part);
                    }
                } else {
                    row.createCell(column++).setCellValue(fit(value.toString()));
                }
            }
            rows++;
        }

        /** A text in cell-sized parts, never splitting a surrogate pair. */
        static List<String> parts(String text) {
            List<String> parts = new ArrayList<>();
            int start = 0;
            while (start < text.length() || parts.isEmpty()) {
                int end = Math.min(text.length(), start + ExportLayout.XLSX_CELL_MAX);
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
                parts.add(text.substring(start, end));
                start = end;
            }
            return parts;
        }

        private static String fit(String text) {
            if (text.length() <= ExportLayout.XLSX_CELL_MAX) {
                return text;
            }
            int end = ExportLayout.XLSX_CELL_MAX - ExportLayout.CUT.length();
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(0, end) + ExportLayout.CUT;
        }

        @Override
        public void finish() {
            Sheet stampSheet = book.createSheet(ExportLayout.STAMP_SHEET);
            stamp.put(ExportLayout.ROWS, String.valueOf(rows));
            int r = 0;
            for (Map.Entry<String, String> e : stamp.entrySet()) {
                Row row = stampSheet.createRow(r++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1).setCellValue(fit(e.getValue()));
            }
            try {
                book.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                book.dispose();
                try {
                    book.close();
                } catch (IOException ignored) {
                    // the temporary files are gone (dispose); nothing else to release
                }
            }
        }
    }
}

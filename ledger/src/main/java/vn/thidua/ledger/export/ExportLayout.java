package vn.thidua.ledger.export;

import java.util.List;
import java.util.Locale;

/**
 * How an export is laid out, for the platform that writes it and the offline verifier that reads it.
 * <p>
 * Every export is a table: a header row whose cells are {@code Nhãn (key)} (a Vietnamese label, then the column's key
 * in parentheses, which is what readers match), then one row per item. Rows that prove themselves end with the
 * verifiable columns ({@link #VERIFIABLE}): the event's position, its leaf index and leaf hash in the audit ledger, the
 * inclusion path (hex hashes separated by spaces) to the root of the tree head the export was taken under, and the
 * event's canonical form (RFC 8785), always last.
 * <p>
 * The <b>stamp</b> says what the export is and under which signed tree head it was taken: {@link #KIND},
 * {@link #FILTER}, {@link #TAKEN_AT}, {@link #TAKEN_BY}, {@link #TREE_HEAD} (the head as the API serves it),
 * {@link #THROUGH_POSITION} (the last event the head covers), {@link #COMPLETE} (whether the rows are every entry of
 * the tree), {@link #CONSISTENCY} (when asked: a consistency proof from an earlier tree size to the head's) and, at the
 * end, {@link #ROWS} (how many rows were written: a cut file is caught).
 * <ul>
 *   <li>CSV (UTF-8 with a byte-order mark so that spreadsheets read the Vietnamese text; RFC 4180 quoting, CRLF): the
 *       stamp as two-cell records {@code #key,value} before the header, {@code #rows} after the last row. A text cell
 *       that a spreadsheet would take for a formula (it begins with {@code = + - @}, a tab or a carriage return) is
 *       written with a leading apostrophe; identifiers, hashes and the canonical form never begin so.</li>
 *   <li>XLSX: the rows in sheets {@value #DATA_SHEET}, {@value #DATA_SHEET} 2, … (a sheet holds 1,048,576 rows), the
 *       stamp in sheet {@value #STAMP_SHEET} (key, value). A cell holds at most {@value #XLSX_CELL_MAX} characters:
 *       the canonical form, when longer, continues in the cells to its right; any other longer text is cut and says so
 *       (the CSV holds it whole).</li>
 * </ul>
 */
public final class ExportLayout {

    /** A column: its key (what readers match) and its Vietnamese label. */
    public record Column(String key, String label) {

        public String header() {
            return label + " (" + key + ")";
        }

        /** The key of a header cell ({@code Nhãn (key)}), or the cell itself when it has no parentheses. */
        public static String keyOf(String header) {
            String text = header == null ? "" : header.trim();
            int open = text.lastIndexOf('(');
            if (open >= 0 && text.endsWith(")")) {
                return text.substring(open + 1, text.length() - 1).trim();
            }
            return text;
        }
    }

    /** The two formats, by the name a request gives. */
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        /** The format named {@code name} (csv or xlsx, any case); IllegalArgumentException otherwise. */
        public static Format of(String name) {
            if (name != null) {
                for (Format f : values()) {
                    if (f.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
                        return f;
                    }
                }
            }
            throw new IllegalArgumentException("format must be csv or xlsx");
        }
    }

    public static final Column POSITION = new Column("position", "Vị trí");
    public static final Column LEAF_INDEX = new Column("leafIndex", "Chỉ số lá");
    public static final Column LEAF_HASH = new Column("leafHash", "Băm lá");
    public static final Column INCLUSION_PATH = new Column("inclusionPath", "Đường chứng minh");
    public static final Column CANONICAL_FORM = new Column("canonicalForm", "Dạng chuẩn");
    /** The columns every verifiable row ends with, in this order. */
    public static final List<Column> VERIFIABLE = List.of(LEAF_INDEX, LEAF_HASH, INCLUSION_PATH, CANONICAL_FORM);

    public static final String KIND = "kind";
    public static final String FILTER = "filter";
    public static final String TAKEN_AT = "takenAt";
    public static final String TAKEN_BY = "takenBy";
    public static final String TREE_HEAD = "treeHead";
    public static final String THROUGH_POSITION = "throughPosition";
    public static final String COMPLETE = "complete";
    public static final String CONSISTENCY = "consistency";
    public static final String ROWS = "rows";

    /** The first character of a stamp record's first cell in a CSV. */
    public static final String STAMP_MARK = "#";
    public static final String DATA_SHEET = "Dữ liệu";
    public static final String STAMP_SHEET = "Dấu cây";
    public static final int XLSX_CELL_MAX = 32_767;
    public static final int XLSX_ROWS_PER_SHEET = 1_048_576;
    /** What ends a text cut to fit an XLSX cell. */
    public static final String CUT = " … [cắt bớt: bản CSV có đủ]";

    private ExportLayout() {
    }

    /** The inclusion path as one cell: hex hashes separated by spaces. */
    public static String pathCell(List<String> hexHashes) {
        return String.join(" ", hexHashes);
    }
}

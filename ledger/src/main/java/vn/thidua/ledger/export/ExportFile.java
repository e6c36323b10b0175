package vn.thidua.ledger.export;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads an export written in the layout of {@link ExportLayout}, a row at a time (CSV through Jackson's CSV parser,
 * XLSX through POI's SAX event model: neither holds more than a row), for the offline verifier. A row is a map from
 * column key to the cell's text (absent: empty); the stamp is read before the rows (an XLSX's stamp sheet first).
 */
public abstract sealed class ExportFile {

    /** One data row: its number (1 is the first after the header) and its cells by column key. */
    public record Line(long number, Map<String, String> cells) {
        public String get(String key) {
            String value = cells.get(key);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    protected final Path file;

    private ExportFile(Path file) {
        this.file = file;
    }

    /** An export by its content: a ZIP (XLSX) or text (CSV). */
    public static ExportFile open(Path file) throws IOException {
        byte[] start = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(start, 0, 2);
            boolean zip = read == 2 && start[0] == 'P' && start[1] == 'K';
            return zip ? new Xlsx(file) : new Csv(file);
        }
    }

    /** The stamp as written before the rows (key to value; an XLSX's includes {@code rows}). */
    public abstract Map<String, String> stamp() throws IOException;

    /** Reads every row; afterwards {@link #trailer()} holds what followed them. */
    public abstract void rows(Consumer<Line> visitor) throws IOException;

    /** What the file states after its rows (a CSV's {@code rows}); empty before {@link #rows} ran. */
    public abstract Map<String, String> trailer();

    static final class Csv extends ExportFile {

        private static final CsvMapper CSV = new CsvMapper();
        private Map<String, String> stamp;
        private final Map<String, String> trailer = new LinkedHashMap<>();

        Csv(Path file) {
            super(file);
        }

        private MappingIterator<String[]> records(Reader reader) throws IOException {
            return CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader);
        }

        private Reader reader() throws IOException {
            PushbackReader reader = new PushbackReader(new BufferedReader(
                    Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16));
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
            return reader;
        }

        @Override
        public Map<String, String> stamp() throws IOException {
            if (stamp == null) {
                stamp = new LinkedHashMap<>();
                try (Reader reader = reader(); MappingIterator<String[]> records = records(reader)) {
                    while (records.hasNext()) {
                        String[] record = records.next();
                        if (!isStamp(record)) {
                            break;
                        }
                        stamp.put(record[0].substring(1), record.length > 1 ? record[1] : "");
                    }
                }
            }
            return stamp;
        }

        private static boolean isStamp(String[] record) {
            return record.length > 0 && record[0].startsWith(ExportLayout.STAMP_MARK);
        }

        @Override
        public void rows(Consumer<Line> visitor) throws IOException {
            trailer.clear();
            try (Reader reader = reader(); MappingIterator<String[]> records = records(reader)) {
                String[] keys = null;
                long number = 0;
                boolean after = false;
                while (records.hasNext()) {
                    String[] record = records.next();
                    if (isStamp(record)) {
                        if (keys != null) {
                            after = true;
                            trailer.put(record[0].substring(1), record.length > 1 ? record[1] : "");
                        }
                        continue;
                    }
                    if (keys == null) {
                        keys = new String[record.length];
                        for (int i = 0; i < record.length; i++) {
                            keys[i] = ExportLayout.Column.keyOf(record[i]);
                        }
                        continue;
                    }
                    if (after) {
                        throw new IllegalArgumentException("a row after the row count, at row " + (number + 1));
                    }
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int i = 0; i < record.length && i < keys.length; i++) {
                        cells.put(keys[i], record[i]);
                    }
                    visitor.accept(new Line(++number, cells));
                }
            }
        }

        @Override
        public Map<String, String> trailer() {
            return trailer;
        }
    }

    static final class Xlsx extends ExportFile {

        private Map<String, String> stamp;

        Xlsx(Path file) {
            super(file);
            // a verifier reads large, well-compressed sheets: POI's zip-bomb guard would refuse a million rows
            ZipSecureFile.setMinInflateRatio(0.001);
        }

        /** The cells of one sheet's rows, by column index (a row's canonical form continues to its right). */
        private void sheet(String wanted, boolean prefix, RowSink rowSink)
                throws IOException {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        String name = sheets.getSheetName();
                        boolean match = prefix ? name.equals(wanted) || name.startsWith(wanted + " ")
                                : name.equals(wanted);
                        if (!match) {
                            continue;
                        }
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(rowSink),
                                new org.apache.poi.ss.usermodel.DataFormatter(), false));
                        parser.parse(new InputSource(sheet));
                    }
                }
            } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
                throw new IOException("not a readable XLSX export: " + e.getMessage(), e);
            }
        }

        @Override
        public Map<String, String> stamp() throws IOException {
            if (stamp == null) {
                Map<String, String> read = new LinkedHashMap<>();
                sheet(ExportLayout.STAMP_SHEET, false, (rowNum, cells) -> {
                    if (cells.containsKey(0)) {
                        read.put(cells.get(0), cells.getOrDefault(1, ""));
                    }
                });
                stamp = read;
            }
            return stamp;
        }

        @Override
        public void rows(Consumer<Line> visitor) throws IOException {
            List<String> keys = new ArrayList<>();
            long[] number = {0};
            sheet(ExportLayout.DATA_SHEET, true, (rowNum, cells) -> {
                if (rowNum == 0) { // each data sheet starts with the header
                    keys.clear();
                    cells.values().forEach(h -> keys.add(ExportLayout.Column.keyOf(h)));
                    return;
                }
                if (cells.isEmpty()) {
                    return;
                }
                Map<String, String> row = new LinkedHashMap<>();
                int canonical = keys.indexOf(ExportLayout.CANONICAL_FORM.key());
                StringBuilder form = new StringBuilder();
                for (Map.Entry<Integer, String> cell : cells.entrySet()) {
                    int column = cell.getKey();
                    if (canonical >= 0 && column >= canonical) {
                        form.append(cell.getValue());
                    } else if (column < keys.size()) {
                        row.put(keys.get(column), cell.getValue());
                    }
                }
                if (canonical >= 0) {
                    row.put(ExportLayout.CANONICAL_FORM.key(), form.toString());
                }
                visitor.accept(new Line(++number[0], row));
            });
        }

        @Override
        public Map<String, String> trailer() {
            return Map.of();
        }

        /** A sheet's row: its number (0 is the first) and its cells by column index. */
        private interface RowSink {
            void row(int rowNum, TreeMap<Integer, String> cells);
        }

        /** Collects each row's cells by column index. */
        private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

            private final RowSink sink;
            private TreeMap<Integer, String> cells;

            Rows(RowSink sink) {
                this.sink = sink;
            }

            @Override
            public void startRow(int rowNum) {
                cells = new TreeMap<>();
            }

            @Override
            public void endRow(int rowNum) {
                sink.row(rowNum, cells);
            }

            @Override
            public void cell(String reference, String value, XSSFComment comment) {
                cells.put((int) new CellReference(reference).getCol(), value);
            }
        }
    }
}

package vn.thidua.planimport;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plan's text as the readers see it. The text as read is the input in NFC (a copy in NFD or with an Icelandic "Ð"
 * for "Đ" reads the same), with one kind of line end; every offset a draft gives is into that text. Each line is
 * then cleaned of what conversions leave around the words (markdown marks, escapes, HTML tags and entities, table
 * pipes; a tab or a table pipe separates the cells of a flattened two-column header, which become lines of their
 * own) and keeps, for each of its characters, where it stood in the text as read.
 */
final class PlanText {

    /** The most characters a plan's text may have: the longest real plans have some 60,000. */
    static final int MAX_CHARS = 400_000;
    /** The most lines. */
    static final int MAX_LINES = 20_000;

    /** One line (or one cell of a line) as cleaned; a rule ("-----", "*") is a blank line. */
    record Line(int index, int number, String text, String folded, int[] origin) {

        boolean blank() {
            return text.isEmpty();
        }

        /** Where the characters {@code from} to {@code to} of this line stood in the text as read. */
        Source span(int from, int to, double confidence) {
            return new Source(number, origin[from], to > from ? origin[to - 1] + 1 : origin[from],
                    text.substring(from, to), confidence);
        }

        Source whole(double confidence) {
            return span(0, text.length(), confidence);
        }

        /** The characters {@code from} to {@code to} of this line as a line of their own, spaces at the ends cut. */
        Line cut(int from, int to) {
            while (from < to && text.charAt(from) == ' ') {
                from++;
            }
            while (to > from && text.charAt(to - 1) == ' ') {
                to--;
            }
            int[] map = Arrays.copyOfRange(origin, from, to + 1);
            map[to - from] = to > from ? origin[to - 1] + 1 : origin[from];
            return new Line(index, number, text.substring(from, to), folded.substring(from, to), map);
        }
    }

    private static final Pattern SEPARATOR = Pattern.compile("[-–—_=*~.·•\\s]+");

    private static final Pattern BLOCK_END = Pattern.compile(
            "(?i)<br\\s*/?>|</(?:p|div|h[1-6]|li|tr|table|ul|ol|section|article|header|footer)\\s*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");

    private final String text;
    private final List<Line> lines;

    private PlanText(String text, List<Line> lines) {
        this.text = text;
        this.lines = lines;
    }

    /** Reads a text; a text too long for a plan is refused. */
    static PlanText of(String input) {
        if (input.length() > MAX_CHARS) {
            throw new PlanImportException("Văn bản dài " + input.length() + " ký tự, vượt giới hạn " + MAX_CHARS
                    + " ký tự của một kế hoạch");
        }
        String text = asRead(input);
        String[] physical = text.split("\n", -1);
        if (physical.length > MAX_LINES) {
            throw new PlanImportException("Văn bản có " + physical.length + " dòng, vượt giới hạn " + MAX_LINES
                    + " dòng của một kế hoạch");
        }
        List<Line> lines = new ArrayList<>();
        int offset = 0;
        for (int n = 0; n < physical.length; n++) {
            for (int[] cell : cells(physical[n])) {
                lines.add(clean(lines.size(), n + 1, physical[n], offset, cell[0], cell[1]));
            }
            offset += physical[n].length() + 1;
        }
        return new PlanText(text, List.copyOf(lines));
    }

    /** The input in NFC, with "\n" ends, no byte-order mark, no zero-width or odd spaces. */
    static String asRead(String input) {
        String text = Normalizer.normalize(input, Normalizer.Form.NFC);
        if (text.indexOf('<') >= 0) { // HTML pasted as source: its blocks are lines, its cells are cells
            text = BLOCK_END.matcher(text).replaceAll("\n");
            text = CELL_END.matcher(text).replaceAll("\t");
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060' -> {
                }
                case '\r' -> {
                    out.append('\n');
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\u2028', '\u2029', '\u000B', '\f', '\u0085' -> out.append('\n');
                case '\u00A0', '\u2007', '\u202F' -> out.append(' ');
                case '\u00D0' -> out.append('Đ'); // Icelandic eth, which some fonts and OCR give for Đ
                case '\u00F0' -> out.append('đ');
                default -> out.append(c >= '\u2000' && c <= '\u200A' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** The cells of a line: split at tabs, or at the pipes of a markdown table row. */
    private static List<int[]> cells(String line) {
        List<int[]> cells = new ArrayList<>();
        String trimmed = line.strip();
        boolean table = trimmed.length() > 1 && trimmed.startsWith("|") && trimmed.endsWith("|");
        if (table && trimmed.contains("--") && trimmed.chars().allMatch(c -> "|-: ".indexOf(c) >= 0)) { // |---|---|
            cells.add(new int[]{0, 0});
            return cells;
        }
        int from = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '\t' || (table && line.charAt(i) == '|')) {
                if (i > from && !line.substring(from, i).isBlank()) {
                    cells.add(new int[]{from, i});
                }
                from = i + 1;
            }
        }
        if (cells.isEmpty()) {
            cells.add(new int[]{0, 0});
        }
        return cells;
    }

    private static Line clean(int index, int number, String line, int offset, int from, int to) {
        StringBuilder out = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        int i = from;
        // leading markdown: headings, block quotes
        while (i < to && (line.charAt(i) == '#' || line.charAt(i) == '>' || line.charAt(i) == ' ')) {
            i++;
        }
        boolean atStart = true;
        while (i < to) {
            char c = line.charAt(i);
            if (c == '<') {
                int close = line.indexOf('>', i);
                if (close > i && close < to && close - i < 200 && i + 1 < to
                        && (Character.isLetter(line.charAt(i + 1)) || line.charAt(i + 1) == '/'
                        || line.charAt(i + 1) == '!')) {
                    i = close + 1;
                    add(out, origin, ' ', offset + i - 1);
                    continue;
                }
            }
            if (c == '&') {
                int semi = line.indexOf(';', i);
                if (semi > i && semi < to && semi - i <= 8) {
                    Character entity = entity(line.substring(i + 1, semi));
                    if (entity != null) {
                        add(out, origin, entity, offset + i);
                        atStart &= entity == ' ';
                        i = semi + 1;
                        continue;
                    }
                }
            }
            if (c == '\\' && i + 1 < to && isMarkup(line.charAt(i + 1))) {
                add(out, origin, line.charAt(i + 1), offset + i + 1);
                i += 2;
                atStart = false;
                continue;
            }
            if (c == '*') {
                boolean bullet = atStart && i + 1 < to && line.charAt(i + 1) == ' ';
                if (bullet) {
                    add(out, origin, '*', offset + i);
                    atStart = false;
                }
                i++;
                continue;
            }
            if (c == '`' || (c == '_' && i + 1 < to && line.charAt(i + 1) == '_')) {
                while (i < to && line.charAt(i) == c) {
                    i++;
                }
                continue;
            }
            if (!Character.isWhitespace(c)) {
                atStart = false;
            }
            add(out, origin, Character.isWhitespace(c) ? ' ' : c, offset + i);
            i++;
        }
        // fold runs of spaces, trim
        StringBuilder text = new StringBuilder();
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < out.length(); k++) {
            char c = out.charAt(k);
            if (c == ' ' && (text.isEmpty() || text.charAt(text.length() - 1) == ' ')) {
                continue;
            }
            text.append(c);
            kept.add(origin.get(k));
        }
        while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
            kept.remove(kept.size() - 1);
        }
        if (!text.isEmpty() && SEPARATOR.matcher(text).matches()) { // a rule: "-----", "*", "___"
            text.setLength(0);
            kept.clear();
        }
        int[] map = new int[text.length() + 1];
        for (int k = 0; k < kept.size(); k++) {
            map[k] = kept.get(k);
        }
        map[text.length()] = kept.isEmpty() ? offset + from : kept.get(kept.size() - 1) + 1;
        String cleaned = text.toString();
        return new Line(index, number, cleaned, Fold.of(cleaned), map);
    }

    private static void add(StringBuilder out, List<Integer> origin, char c, int at) {
        out.append(c);
        origin.add(at);
    }

    private static boolean isMarkup(char c) {
        return "*_#\\[]()`>|-.+!{}~".indexOf(c) >= 0;
    }

    private static Character entity(String name) {
        return switch (name) {
            case "nbsp" -> ' ';
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos", "#39" -> '\'';
            case "ldquo" -> '“';
            case "rdquo" -> '”';
            case "ndash" -> '–';
            case "mdash" -> '—';
            default -> null;
        };
    }

    String text() {
        return text;
    }

    List<Line> lines() {
        return lines;
    }

    Line line(int index) {
        return lines.get(index);
    }

    int size() {
        return lines.size();
    }

    /** The next line at or after {@code index} with words on it, or -1. */
    int nextFilled(int index) {
        for (int i = Math.max(0, index); i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                return i;
            }
        }
        return -1;
    }
}

package vn.thidua.planimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening of a plan, as Decree 30/2020 lays it out (and party documents alike): the issuing body's lines and the
 * number ("Số: 195/KH-UBND", "Số 90-KH/HU") on the left, the national motto and "Place, ngày … tháng … năm …" on the
 * right, then the kind of document in capitals (KẾ HOẠCH, HƯỚNG DẪN) and the title under it. A copy flattens the two
 * columns in either order, so each is recognised by its own shape, not by its position.
 */
final class HeadReader {

    /** The opening, as found. */
    record Head(int heading, Field<String> number, boolean numberBlank, Field<String> place,
                Field<LocalDate> issueDate, Field<WrittenDate> partialIssueDate, List<PlanText.Line> bodyLines,
                Field<String> title) {
    }

    private static final Pattern HEADING = Pattern.compile("(ke hoach|huong dan)[\\s.:]*");
    private static final Pattern NUMBER = Pattern.compile("so\\s*[:.]?\\s*");
    /** A number and symbol: "195 /KH-UBND", "90-KH/HU", "/KH-UBND" (number left blank), "-  KH/ ĐUK". */
    private static final Pattern SYMBOL = Pattern.compile(
            "(?:\\d+\\s*)?(?:[/-]\\s*)?[\\p{L}\\d.]{1,12}(?:\\s*[/-]\\s*[\\p{L}\\d.&]{1,12}){1,6}");
    private static final Pattern PLACE_DATE = Pattern.compile("\\s*([^,]{2,60}?)\\s*,\\s*ngay\\b");
    private static final Pattern MOTTO = Pattern.compile(
            "cong hoa xa hoi|doc lap\\s*-|tu do\\s*-|dang cong san viet nam|^\\*+$");
    private static final Pattern CHROME = Pattern.compile(
            "cong thong tin|trang thong tin|website|dien tu|dang nhap|trang chu|tim kiem|lien he|ban quyen");
    private static final Pattern PARAGRAPH_START = Pattern.compile("^(i{1,3}|iv|v|vi{1,3}|\\d{1,2})[.)/-]\\s");
    /** How far before the number, the date or the heading the issuing body's lines may stand. */
    private static final int HEADER_REACH = 8;
    private static final int TITLE_LINES = 5;

    private HeadReader() {
    }

    static Head read(PlanText text) {
        int heading = heading(text);
        int zoneEnd = heading >= 0 ? heading : Math.min(text.size(), 40);
        Field<String> number = null;
        boolean numberBlank = false;
        int numberLine = -1;
        Field<String> place = null;
        Field<LocalDate> issueDate = null;
        Field<WrittenDate> partial = null;
        int dateLine = -1;
        for (int i = 0; i < zoneEnd; i++) {
            PlanText.Line line = text.line(i);
            int rest = 0; // a copy may put the number and the place and date on one line
            Matcher n = NUMBER.matcher(line.folded());
            Matcher symbol = SYMBOL.matcher(line.text());
            if (numberLine < 0 && n.lookingAt() && symbol.region(n.end(), line.text().length()).lookingAt()) {
                numberLine = i;
                String printed = symbol.group().replaceAll("\\s*([/-])\\s*", "$1").strip();
                Source source = line.span(symbol.start(), symbol.end(), 0.95);
                if (printed.chars().anyMatch(Character::isDigit)) {
                    number = new Field<>(printed, source);
                } else {
                    numberBlank = true;
                    number = new Field<>(null, source.withConfidence(0.9));
                }
                rest = symbol.end();
            }
            Matcher p = PLACE_DATE.matcher(line.folded()).region(rest, line.folded().length());
            if (dateLine < 0 && p.lookingAt()) {
                WrittenDate.Found date = WrittenDate.findAll(line.folded()).stream()
                        .filter(f -> f.start() >= p.end() - 4).findFirst().orElse(null);
                if (date != null) {
                    dateLine = i;
                    place = new Field<>(line.text().substring(p.start(1), p.end(1)).strip(),
                            line.span(p.start(1), p.end(1), 0.9));
                    Source at = line.span(date.start(), date.end(), 0.95).withDate(date.date());
                    if (!date.blanks() && date.date().precision() == WrittenDate.Precision.DAY) {
                        issueDate = new Field<>(date.date().first(), at);
                    } else {
                        partial = new Field<>(date.date(), at.withConfidence(0.9));
                    }
                }
            }
        }
        List<PlanText.Line> bodyLines = issuerLines(text, zoneEnd, numberLine, dateLine, heading);
        return new Head(heading, number, numberBlank, place, issueDate, partial, bodyLines,
                heading >= 0 ? title(text, heading) : null);
    }

    /** The line "KẾ HOẠCH" (or HƯỚNG DẪN) standing alone, in capitals if any such line is. */
    private static int heading(PlanText text) {
        int anyCase = -1;
        for (PlanText.Line line : text.lines()) {
            if (HEADING.matcher(line.folded()).matches()) {
                if (Casing.isUpper(line.text())) {
                    return line.index();
                }
                anyCase = anyCase < 0 ? line.index() : anyCase;
            }
        }
        return anyCase;
    }

    /**
     * The issuing body's lines: in capitals, close before the number, the date or the heading, neither the national
     * motto nor a web page's banner. A line that runs on into the motto (the two columns copied as one line) gives
     * its words before it.
     */
    private static List<PlanText.Line> issuerLines(PlanText text, int zoneEnd, int numberLine, int dateLine,
                                                   int heading) {
        int anchor = numberLine >= 0 ? numberLine : dateLine >= 0 ? dateLine : heading;
        List<PlanText.Line> lines = new ArrayList<>();
        if (anchor < 0) {
            return lines;
        }
        int from = Math.max(0, Math.min(anchor, dateLine >= 0 ? dateLine : anchor) - HEADER_REACH);
        for (int i = from; i < zoneEnd; i++) {
            PlanText.Line line = text.line(i);
            Matcher motto = MOTTO.matcher(line.folded());
            if (motto.find() && motto.start() > 0) {
                line = line.cut(0, motto.start());
            }
            String folded = line.folded();
            if (i == numberLine || i == dateLine || line.blank() || MOTTO.matcher(folded).find()
                    || CHROME.matcher(folded).find() || !Casing.isUpper(line.text())
                    || line.text().split(" ").length > 12) {
                continue;
            }
            lines.add(line);
        }
        return lines;
    }

    /** The paragraph under the heading: its lines up to a blank line, a rule or a numbered part. */
    private static Field<String> title(PlanText text, int heading) {
        int first = text.nextFilled(heading + 1);
        if (first < 0) {
            return null;
        }
        Source source = null;
        StringBuilder title = new StringBuilder();
        for (int i = first; i < text.size() && i < first + TITLE_LINES; i++) {
            PlanText.Line line = text.line(i);
            if (line.blank() || (i > first && PARAGRAPH_START.matcher(line.folded()).find())) {
                break;
            }
            title.append(title.isEmpty() ? "" : " ").append(line.text());
            source = source == null ? line.whole(0.9) : source.through(line.whole(0.9));
        }
        String value = title.toString().strip();
        if (value.isEmpty() || PARAGRAPH_START.matcher(Fold.of(value)).find()) {
            return null;
        }
        return new Field<>(value, source);
    }
}

package vn.thidua.planimport;

import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.common.Limits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campaign's period and its milestones.
 * <ul>
 * <li>The period is the campaign's own: a "Thời gian" statement with a range ("Thời gian: Từ tháng 4/2022 đến …"), or
 * a sentence about the drive itself ("phát động đợt thi đua … từ tháng 9/2021 đến hết tháng 02/2022"), or a title's
 * "giai đoạn 2021 - 2025". A five-year socio-economic plan's years, a term of office, an anniversary's dates are not
 * it.</li>
 * <li>A milestone is a date with a deadline's words before it ("trước ngày 15/7/2020", "trong tháng 6/2020", "chậm
 * nhất …", "dự kiến vào đầu tháng 02/2022", "trong quý III/2021"), not one end of a range, not before the plan's issue
 * date (the dates of the documents a plan cites are earlier). What is due is the sentence around it; its kind, the
 * words of that sentence.</li>
 * </ul>
 */
final class DatesReader {

    /** A period, each end with where it was read ({@code start} null: "từ ngày ký" of a plan with no issue date). */
    record PeriodFound(Field<WrittenDate> start, Field<WrittenDate> end) {
    }

    /** A milestone as read: its kind, what is due, the date, and who answers for it (if the plan says). */
    record MilestoneFound(MilestoneKind kind, String description, Field<WrittenDate> due, String responsibleBody) {
    }

    private static final Pattern RANGE_START = Pattern.compile("(?:\\btu|bat dau)\\s*(?:ngay|thang)?\\s*$");
    private static final Pattern RANGE_JOIN = Pattern.compile(
            "^\\s*(?:den|toi|-|–|—)\\s*(?:het\\s*)?(?:ngay|thang)?\\s*$");
    private static final Pattern FROM_SIGNING = Pattern.compile("\\b(tu (?:ngay|khi) (?:ky|ban hanh)(?: ban hanh| ke hoach)?)"
            + "[^.;]{0,20}?\\s*(?:den|toi)\\s*(?:het\\s*)?(?:ngay|thang)?\\s*$");
    private static final Pattern DEADLINE_WORDS = Pattern.compile(
            "(?:\\btruoc|cham nhat(?: la)?|\\bhan(?: chot| cuoi)?)\\s*:?\\s*(?:ngay|thang|nam)?\\s*$");
    private static final Pattern TIME_STATEMENT = Pattern.compile("\\bthoi gian(?: thi dua| thuc hien| to chuc)?\\b");
    private static final Pattern ABOUT_THE_DRIVE = Pattern.compile("\\b(dot|phong trao) thi dua\\b");
    private static final Pattern YEARS = Pattern.compile("\\bgiai doan\\s*(\\d{4})\\s*[-–—]\\s*(\\d{4})\\b");
    private static final Pattern DAY_CUE = Pattern.compile(
            "(?:\\btruoc|cham nhat(?: la)?|\\bhan(?: chot| cuoi)?|\\bvao|\\bhoan thanh)\\s*:?\\s*(?:ngay)?\\s*$");
    private static final Pattern MONTH_CUE = Pattern.compile("(?:\\btrong|\\btruoc|\\bvao|\\bcuoi|\\bdau|\\bgiua|"
            + "cham nhat(?: la)?|\\bhoan thanh|\\bhan(?: chot| cuoi)?)\\s*:?\\s*(?:dau|giua|cuoi)?\\s*$");
    private static final Pattern YEAR_CUE = Pattern.compile("(?:hoan thanh trong|\\btruoc)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^(i{1,3}|iv|v|vi{1,3}|ix|x)\\s*[.)/-]\\s*(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}(?:\\.\\d{1,2})?\\s*[.)]\\s*(.{3,120})$");
    private static final Pattern BODY_WORD = Pattern.compile(
            "\\b(uy ban|ubnd|ban |dang uy|phong |hoi dong|so |van phong|cac chi bo|chi bo|mat tran|doan |hoi |"
                    + "dai |trung tam|cac co quan|co quan)");
    private static final Pattern LIST_MARK = Pattern.compile(
            "^(?:[-–—+•*]|\\(\\d{1,2}\\)|\\d{1,2}[.)]|[a-zđ][).])\\s*");

    /** The words that say what is due, the most specific first (a "hồ sơ" sentence may also say "kiểm tra"). */
    private static final Map<Pattern, MilestoneKind> KINDS = kinds();
    /** The most dated sentences looked at: a plan has dozens; a text with thousands is not one. */
    private static final int MAX_CANDIDATES = 1_000;

    private static Map<Pattern, MilestoneKind> kinds() {
        Map<Pattern, MilestoneKind> kinds = new LinkedHashMap<>();
        kinds.put(Pattern.compile("\\b(ho so|de nghi khen|de xuat khen|trinh khen)\\b"), MilestoneKind.PROPOSAL);
        kinds.put(Pattern.compile("\\bkiem tra\\b"), MilestoneKind.INSPECTION);
        kinds.put(Pattern.compile("\\btong ket\\b"), MilestoneKind.FINAL_REPORT);
        kinds.put(Pattern.compile("\\bso ket\\b"), MilestoneKind.INTERIM_REPORT);
        kinds.put(Pattern.compile("\\bdang ky (thi dua|tham gia)\\b"), MilestoneKind.REGISTRATION);
        kinds.put(Pattern.compile("\\b(cong trinh|phan viec)\\b"), MilestoneKind.PLEDGE);
        kinds.put(Pattern.compile("\\b(phat dong|trien khai)\\b"), MilestoneKind.ROLLOUT);
        kinds.put(Pattern.compile("\\b(le|hoi nghi|gap mat|mit tinh|dai hoi)\\b"), MilestoneKind.CEREMONY);
        return kinds;
    }

    private DatesReader() {
    }

    /**
     * The campaign's period; {@code issued}: the plan's issue date, where a period "từ ngày ký" starts (null when the
     * plan leaves it blank: the period's start is then a blank too).
     */
    static PeriodFound period(PlanText text, int heading, Field<String> title, LocalDate issued) {
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = TIME_STATEMENT.matcher(line.folded());
            if (m.find()) {
                PeriodFound here = range(line, m.end(), issued);
                if (here == null) {
                    here = whole(line, m.end());
                }
                if (here == null && line.text().length() < 60) { // a heading: the period is on the next line
                    int next = text.nextFilled(i + 1);
                    here = next < 0 ? null : range(text.line(next), 0, issued);
                    here = here != null || next < 0 ? here : whole(text.line(next), 0);
                }
                if (here != null) {
                    return here;
                }
            }
        }
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = ABOUT_THE_DRIVE.matcher(line.folded());
            if (m.find()) {
                PeriodFound here = range(line, 0, issued);
                if (here != null) {
                    return here;
                }
            }
        }
        if (title != null && ABOUT_THE_DRIVE.matcher(Fold.of(title.value())).find()) {
            Matcher m = YEARS.matcher(Fold.of(title.value()));
            if (m.find()) {
                WrittenDate from = WrittenDate.year(Integer.parseInt(m.group(1)));
                WrittenDate to = WrittenDate.year(Integer.parseInt(m.group(2)));
                if (from != null && to != null && !to.last().isBefore(from.first())) {
                    Source at = title.source().withConfidence(0.7);
                    return new PeriodFound(new Field<>(from, at.withDate(from)), new Field<>(to, at.withDate(to)));
                }
            }
        }
        return null;
    }

    /**
     * The first "từ … đến …" in a line at or after {@code from}; or "từ ngày ký (ban hành) đến …", which starts on the
     * issue date.
     */
    private static PeriodFound range(PlanText.Line line, int from, LocalDate issued) {
        List<WrittenDate.Found> dates = WrittenDate.findAll(line.folded());
        for (WrittenDate.Found end : dates) {
            String before = line.folded().substring(Math.max(from, end.start() - 80), Math.max(from, end.start()));
            Matcher signing = FROM_SIGNING.matcher(before);
            if (end.start() >= from && !end.blanks() && signing.find()) {
                int at = end.start() - before.length() + signing.start();
                Source words = line.span(at, at + signing.group(1).length(), 0.8);
                Field<WrittenDate> start = issued == null ? null
                        : new Field<>(WrittenDate.day(issued.getYear(), issued.getMonthValue(), issued.getDayOfMonth()),
                        words);
                return new PeriodFound(start, new Field<>(end.date(),
                        line.span(end.start(), end.end(), 0.85).withDate(end.date())));
            }
        }
        for (int k = 0; k + 1 < dates.size(); k++) {
            WrittenDate.Found a = dates.get(k);
            WrittenDate.Found b = dates.get(k + 1);
            if (a.start() < from || !isRange(line.folded(), a, b)
                    || !RANGE_START.matcher(line.folded().substring(0, a.start())).find()) {
                continue;
            }
            if (b.date().last().isBefore(a.date().first())) {
                continue;
            }
            return new PeriodFound(
                    new Field<>(a.date(), line.span(a.start(), a.end(), 0.85).withDate(a.date())),
                    new Field<>(b.date(), line.span(b.start(), b.end(), 0.85).withDate(b.date())));
        }
        return null;
    }

    /**
     * A period given as one month, quarter or year ("Thời gian: năm 2021", "quý III/2021"), the only date after
     * {@code from}, with no deadline's words before it.
     */
    private static PeriodFound whole(PlanText.Line line, int from) {
        List<WrittenDate.Found> dates = WrittenDate.findAll(line.folded()).stream()
                .filter(d -> d.start() >= from && !d.blanks()).toList();
        if (dates.size() != 1 || dates.get(0).date().precision() == WrittenDate.Precision.DAY) {
            return null;
        }
        WrittenDate.Found only = dates.get(0);
        String before = line.folded().substring(Math.max(0, only.start() - 30), only.start());
        if (DEADLINE_WORDS.matcher(before).find()) {
            return null;
        }
        Source at = line.span(only.start(), only.end(), 0.75).withDate(only.date());
        return new PeriodFound(new Field<>(only.date(), at), new Field<>(only.date(), at));
    }

    private static boolean isRange(String folded, WrittenDate.Found a, WrittenDate.Found b) {
        return RANGE_JOIN.matcher(folded.substring(a.end(), b.start())).matches();
    }

    static List<MilestoneFound> milestones(PlanText text, int heading, LocalDate notBefore) {
        List<MilestoneFound> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int candidates = 0;
        String responsible = null;
        boolean inExecution = false;
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            String folded = line.folded();
            Matcher section = SECTION.matcher(folded);
            if (section.matches()) {
                inExecution = section.group(2).startsWith("to chuc thuc hien");
                responsible = null;
            }
            Matcher numbered = NUMBERED.matcher(line.text());
            if (inExecution && numbered.matches() && line.text().length() < 130) {
                responsible = bodyOf(numbered.group(1));
            }
            List<WrittenDate.Found> dates = WrittenDate.findAll(folded);
            for (int k = 0; k < dates.size() && found.size() < Limits.LIST_MAX_ITEMS; k++) {
                WrittenDate.Found date = dates.get(k);
                boolean inRange = (k > 0 && isRange(folded, dates.get(k - 1), date))
                        || (k + 1 < dates.size() && isRange(folded, date, dates.get(k + 1)));
                if (inRange || date.blanks() || !isDeadline(folded, date)) {
                    continue;
                }
                if (++candidates > MAX_CANDIDATES) {
                    return found;
                }
                if (notBefore != null && date.date().last().isBefore(notBefore)) {
                    continue;
                }
                String sentence = sentence(line.text(), date.start(), date.end());
                MilestoneKind kind = kindOf(Fold.of(sentence));
                if (!seen.add(date.date().asWritten() + "|" + kind)) {
                    continue;
                }
                Source at = line.span(date.start(), date.end(), 0.8).withDate(date.date());
                found.add(new MilestoneFound(kind, sentence, new Field<>(date.date(), at), responsible));
            }
        }
        return found;
    }

    private static boolean isDeadline(String folded, WrittenDate.Found date) {
        String before = folded.substring(Math.max(0, date.start() - 30), date.start());
        return switch (date.date().precision()) {
            case DAY -> DAY_CUE.matcher(before).find();
            case MONTH, QUARTER -> MONTH_CUE.matcher(before).find();
            case YEAR -> YEAR_CUE.matcher(before).find();
        };
    }

    /** The sentence (or clause between semicolons) around characters {@code start}–{@code end}, list mark removed. */
    private static String sentence(String line, int start, int end) {
        int from = start;
        while (from > 0 && !isStop(line, from - 1) && start - from < Limits.SHORT_TEXT_MAX_LENGTH) {
            from--;
        }
        int to = end;
        while (to < line.length() && !isStop(line, to) && to - end < Limits.SHORT_TEXT_MAX_LENGTH) {
            to++;
        }
        String sentence = LIST_MARK.matcher(line.substring(from, to).strip()).replaceFirst("").strip();
        sentence = Casing.capitalise(sentence);
        return sentence.length() > Limits.SHORT_TEXT_MAX_LENGTH
                ? sentence.substring(0, Limits.SHORT_TEXT_MAX_LENGTH - 1) + "…" : sentence;
    }

    /** A full stop or semicolon that ends a clause (not the dot of a date, a number or an abbreviation). */
    private static boolean isStop(String line, int at) {
        char c = line.charAt(at);
        if (c == ';') {
            return true;
        }
        if (c != '.') {
            return false;
        }
        boolean digitBefore = at > 0 && Character.isDigit(line.charAt(at - 1));
        boolean digitAfter = at + 1 < line.length() && Character.isDigit(line.charAt(at + 1));
        boolean letterAfter = at + 1 < line.length() && Character.isLetter(line.charAt(at + 1));
        return !(digitBefore && digitAfter) && !letterAfter;
    }

    /** What a sentence says is due, by its words; the most specific kind first. */
    static MilestoneKind kindOf(String folded) {
        for (Map.Entry<Pattern, MilestoneKind> kind : KINDS.entrySet()) {
            if (kind.getKey().matcher(folded).find()) {
                return kind.getValue();
            }
        }
        return MilestoneKind.OTHER;
    }

    /** The body a numbered part of "Tổ chức thực hiện" is about ("1. Phòng Nội vụ (cơ quan …)" → Phòng Nội vụ). */
    private static String bodyOf(String heading) {
        String name = heading.replaceAll("\\(.*$", "").replaceAll("[:.]+$", "").strip();
        name = name.replaceFirst("^(?i)(Đối với|Trách nhiệm của|Đề nghị)\\s+", "");
        String folded = Fold.of(name);
        if (name.length() > 80 || !BODY_WORD.matcher(folded + " ").find() || !Character.isUpperCase(name.charAt(0))) {
            return null;
        }
        return IssuerReader.expand(name);
    }
}

package vn.thidua.planimport;

import vn.thidua.domain.campaign.value.DocumentRequirement;
import vn.thidua.domain.campaign.value.DocumentType;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.TargetGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The award forms a plan offers and the dossiers it asks for.
 * <ul>
 * <li>A form is offered where an authority is asked to grant it: "đề nghị Chủ tịch UBND tỉnh tặng thưởng Bằng khen",
 * "… Chủ tịch UBND huyện tặng Giấy khen cho 06 tập thể và 20 cá nhân". The authority gives the level; the same
 * sentence the quota ("cho 06 tập thể và 20 cá nhân") or its pending allocation ("chờ phân bổ chỉ tiêu … sau") and
 * whom it is for. A form merely mentioned (an award once received) is not offered.</li>
 * <li>A dossier rule is a list after "Khen tỉnh gồm:" or "Hồ sơ đề nghị khen thưởng cấp huyện gồm:": "01 Tờ trình, 01
 * Biên bản cuộc họp, 03 bảng báo cáo thành tích".</li>
 * </ul>
 */
final class AwardReader {

    /** An award form offered, as read. */
    record SchemeFound(String form, String grantingAuthority, Level level, Set<TargetGroup> nomineeKinds,
                       Quota quota, Source source) {
    }

    /** A dossier rule, as read. */
    record DossierFound(Level level, List<DocumentRequirement> documents, Source source) {
    }

    private static final String FORMS = "bang khen|giay khen|co thi dua|huan chuong [a-z ]{3,30}? hang (?:nhat|nhi|ba)"
            + "|huy chuong [a-z ]{3,30}? hang (?:nhat|nhi|ba)|ky niem chuong";
    private static final Pattern GRANTED = Pattern.compile("\\btang(?: thuong)?\\s+(" + FORMS + ")\\b");
    private static final Pattern AUTHORITY = Pattern.compile("^(?:pho\\s+)?(?:chu tich|thu tuong|bo truong|"
            + "giam doc|truong ban|ban thuong vu|ban chap hanh|thuong truc|hoi dong|tinh uy|huyen uy|thanh uy|"
            + "dang uy|uy ban nhan dan|ubnd|chu nhiem|tong giam doc|hieu truong|cuc truong)\\b");
    private static final Pattern OF_AUTHORITY = Pattern.compile(
            "\\s+cua\\s+([^,.;:()]{3,80}?)(?=\\s*[,.;:(]|\\s+cho\\s|\\s+doi voi\\s|\\s*$)");
    private static final Pattern FORM_LINE = Pattern.compile(
            "^(?:[-–+•*]|[a-z0-9]{1,2}[.)])?\\s*(" + FORMS + ")\\s+cua\\s");
    private static final Pattern QUOTA = Pattern.compile(
            "\\b(?:cho\\s+)?(\\d{1,5})\\s+tap the(?:[^.;]{0,40}?\\b(\\d{1,5})\\s+ca nhan)?");
    private static final Pattern QUOTA_INDIVIDUALS = Pattern.compile("\\b(?:cho\\s+)?(\\d{1,5})\\s+ca nhan");
    private static final Pattern PENDING = Pattern.compile("\\b(cho phan bo|phan bo chi tieu[^.;]{0,60}sau|chi tieu"
            + "[^.;]{0,40}(thong bao|phan bo) sau)");
    private static final Pattern DOSSIER = Pattern.compile(
            "(?:\\bkhen(?: thuong)?|\\bho so[^:]{0,40}?)\\s*(?:cap\\s+)?(tinh|huyen|xa|phuong|bo|nganh|trung uong|"
                    + "nha nuoc|thu tuong|chu tich nuoc)\\b[^:]{0,40}?\\bgom\\s*:?\\s*(.*)$");
    private static final Pattern DOCUMENT = Pattern.compile("^(\\d{1,3})\\s*(?:ban\\s+)?(.+)$");
    private static final Pattern ITEM_MARK = Pattern.compile("^(?:[-–+•*]|[a-z]\\))\\s*");

    /** The most award forms read in one line: a line that names more is no plan's (and each costs a look around). */
    private static final int PER_LINE = 20;

    private AwardReader() {
    }

    static List<SchemeFound> schemes(PlanText text, int heading) {
        Map<String, SchemeFound> found = new LinkedHashMap<>();
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = GRANTED.matcher(line.folded());
            for (int n = 0; n < PER_LINE && found.size() < Limits.LIST_MAX_ITEMS && m.find(); n++) {
                int from = authorityStart(line, m.start());
                if (from >= 0) { // "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen"
                    add(found, line, m.start(1), m.end(1), from, m.start(), from, m.end());
                } else { // "tặng Bằng khen của Chủ tịch UBND tỉnh"
                    int[] after = authorityAfter(line, m.end());
                    if (after != null) {
                        add(found, line, m.start(1), m.end(1), after[0], after[1], m.start(), after[1]);
                    }
                }
            }
            Matcher listed = FORM_LINE.matcher(line.folded());
            if (listed.find()) { // "- Bằng khen của Chủ tịch UBND tỉnh: 05 tập thể, 10 cá nhân"
                int[] after = authorityAfter(line, listed.end(1));
                if (after != null) {
                    add(found, line, listed.start(1), listed.end(1), after[0], after[1], listed.start(1), after[1]);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void add(Map<String, SchemeFound> found, PlanText.Line line, int formStart, int formEnd,
                            int authorityStart, int authorityEnd, int spanStart, int spanEnd) {
        String authority = line.text().substring(authorityStart, authorityEnd).strip();
        Level level = IssuerReader.level(authority);
        String sentence = sentenceAfter(line.folded(), formEnd);
        Quota quota = quota(sentence, line.folded());
        Set<TargetGroup> kinds = ContentReader.namedGroups(line.folded());
        String form = Casing.capitalise(line.text().substring(formStart, formEnd));
        Source source = line.span(spanStart, spanEnd, quota == null ? 0.7 : 0.85);
        found.putIfAbsent(Fold.of(form) + "|" + level, new SchemeFound(form, IssuerReader.expand(authority),
                level, kinds.isEmpty() ? null : kinds, quota, source));
    }

    /** The authority after a form: "của Chủ tịch UBND tỉnh", up to punctuation or "cho"; null when none. */
    private static int[] authorityAfter(PlanText.Line line, int formEnd) {
        Matcher of = OF_AUTHORITY.matcher(line.folded()).region(formEnd, line.folded().length());
        if (!of.lookingAt() || !AUTHORITY.matcher(of.group(1)).find()) {
            return null;
        }
        return new int[]{of.start(1), of.end(1)};
    }

    /**
     * Where the authority asked to grant starts: the words before "tặng", back to "đề nghị" or the clause's start;
     * -1 when they name no authority.
     */
    private static int authorityStart(PlanText.Line line, int grant) {
        String folded = line.folded();
        int from = grant;
        int words = 0;
        while (from > 0 && ",;:.(".indexOf(folded.charAt(from - 1)) < 0 && words < 14 && grant - from < 200) {
            from--;
            if (folded.charAt(from) == ' ') {
                words++;
            }
        }
        String before = folded.substring(from, grant);
        int ask = Math.max(before.lastIndexOf("de nghi "), before.lastIndexOf("de xuat "));
        int start = ask >= 0 ? from + ask + 8 : from;
        while (start < grant && folded.charAt(start) == ' ') {
            start++;
        }
        return start < grant && AUTHORITY.matcher(folded.substring(start, grant)).find() ? start : -1;
    }

    private static String sentenceAfter(String folded, int from) {
        int end = from;
        while (end < folded.length() && folded.charAt(end) != ';'
                && !(folded.charAt(end) == '.' && (end + 1 >= folded.length() || folded.charAt(end + 1) == ' '))) {
            end++;
        }
        return folded.substring(from, end);
    }

    private static Quota quota(String sentence, String line) {
        if (PENDING.matcher(sentence).find() || PENDING.matcher(line).find()) {
            return Quota.pendingAllocation();
        }
        Matcher both = QUOTA.matcher(sentence);
        if (both.find()) {
            Integer individuals = both.group(2) == null ? null : Integer.valueOf(both.group(2));
            return new Quota(false, Integer.valueOf(both.group(1)), individuals);
        }
        Matcher only = QUOTA_INDIVIDUALS.matcher(sentence);
        if (only.find()) {
            return new Quota(false, null, Integer.valueOf(only.group(1)));
        }
        return null;
    }

    static List<DossierFound> dossiers(PlanText text, int heading) {
        Map<String, DossierFound> found = new LinkedHashMap<>();
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = DOSSIER.matcher(line.folded());
            if (!m.find()) {
                continue;
            }
            Level level = levelOf(m.group(1));
            Map<DocumentType, Integer> copies = new LinkedHashMap<>();
            Source source = line.whole(0.85);
            documents(line.text().substring(m.start(2)), copies);
            for (int j = i + 1; copies.isEmpty() && j < Math.min(text.size(), i + 10); j++) {
                // "… gồm:" with the documents listed under it
                PlanText.Line next = text.line(j);
                if (next.blank()) {
                    continue;
                }
                String item = ITEM_MARK.matcher(next.text()).replaceFirst("");
                if (item.length() > 150 || !DOCUMENT.matcher(Fold.of(item)).matches()) {
                    break;
                }
                while (j < text.size() && !text.line(j).blank()) {
                    String listed = ITEM_MARK.matcher(text.line(j).text()).replaceFirst("");
                    if (listed.length() > 150 || !DOCUMENT.matcher(Fold.of(listed)).matches()) {
                        break;
                    }
                    documents(listed, copies);
                    source = source.through(text.line(j).whole(0.85));
                    j++;
                }
            }
            if (!copies.isEmpty()) {
                List<DocumentRequirement> documents = new ArrayList<>();
                copies.forEach((type, n) -> documents.add(new DocumentRequirement(type, n)));
                found.putIfAbsent(String.valueOf(level), new DossierFound(level, documents, source));
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void documents(String list, Map<DocumentType, Integer> copies) {
        for (String item : list.split("[,;+]")) {
            Matcher d = DOCUMENT.matcher(Fold.of(item.strip()));
            if (d.matches()) {
                int n = Integer.parseInt(d.group(1));
                if (n >= 1 && n <= 100) {
                    copies.merge(typeOf(d.group(2)), n, Integer::sum);
                }
            }
        }
    }

    private static DocumentType typeOf(String folded) {
        if (folded.contains("to trinh")) {
            return DocumentType.SUBMISSION_MEMO;
        }
        if (folded.contains("bien ban")) {
            return DocumentType.MEETING_MINUTES;
        }
        if (folded.contains("bao cao thanh tich") || folded.contains("thanh tich")) {
            return DocumentType.ACHIEVEMENT_REPORT;
        }
        return DocumentType.OTHER;
    }

    private static Level levelOf(String word) {
        return switch (word) {
            case "tinh" -> Level.PROVINCE;
            case "huyen" -> Level.DISTRICT;
            case "xa", "phuong" -> Level.COMMUNE;
            case "bo", "nganh" -> Level.MINISTRY;
            default -> Level.CENTRAL;
        };
    }
}

package vn.thidua.planimport;

import vn.thidua.domain.campaign.value.Issuer;
import vn.thidua.domain.common.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuing body, in full. First from the header (its lines joined: "ỦY BAN NHÂN DÂN" + "HUYỆN BỐ TRẠCH"; the last
 * body under its superior: "ĐẢNG BỘ TỈNH HẢI DƯƠNG" / "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"), else from the sentence that
 * issues the plan ("UBND huyện Thủ Thừa ban hành Kế hoạch …", "… Ban Thường vụ Đảng ủy phường xây dựng kế hoạch …").
 * A name ending in a bare "huyện" or "tỉnh" takes its place name from the superior body or the place line; "UBND" and
 * "HĐND" are written out. The level follows from the body's own locality (the first one its name gives).
 */
final class IssuerReader {

    /** The kinds of locality, folded ("quận", not the "quan" of "cơ quan"). */
    private static final String LOCALITIES = "(tinh|huyen|xa|phuong|thi tran|thi xa|(?<!co )quan|thanh pho)";
    /** A line that continues the body above it ("HUYỆN BỐ TRẠCH" under "ỦY BAN NHÂN DÂN"; not "HUYỆN ỦY …"). */
    private static final Pattern LOCALITY_START = Pattern.compile("^(" + LOCALITIES + "|tp\\.?)\\b(?!\\s+uy\\b)");
    private static final Pattern LOCALITY_NAME = Pattern.compile(
            "\\b" + LOCALITIES + "\\s+(\\S+(?:\\s+\\S+){0,3})$");
    private static final Pattern BARE_LOCALITY = Pattern.compile("\\b" + LOCALITIES + "$");
    private static final Pattern ANY_LOCALITY = Pattern.compile("\\b" + LOCALITIES + "\\b");
    private static final Pattern ISSUING = Pattern.compile(
            "\\b(ban hanh|xay dung|trien khai)\\s+(ke hoach|huong dan)\\b");
    private static final Pattern LAUNCHING = Pattern.compile("\\bphat dong\\s+(dot|phong trao|thi dua)\\b");
    private static final Pattern BODY_WORD = Pattern.compile(
            "\\b(uy ban|ubnd|hdnd|ban |dang uy|dang bo|huyen uy|thanh uy|tinh uy|quan uy|thi uy|so |phong |"
                    + "hoi dong|bo |truong |cong ty|hoi |doan |mat tran|lien doan|cuc |vien |chi bo|tong cong ty)");
    private static final Pattern SECTION_ONE = Pattern.compile("^(i|1)\\s*[.)/-]\\s");
    private static final Pattern LEVEL_WORD = Pattern.compile("\\b(tinh uy|tinh|thanh uy|huyen uy|quan uy|thi uy|"
            + "huyen|(?<!co )quan|thi xa|thanh pho|xa|phuong|thi tran)\\b(\\s+\\S+(?:\\s+\\S+)?)?");
    private static final List<String> CENTRAL_CITIES = List.of("ha noi", "ho chi minh", "hai phong", "da nang",
            "can tho", "hue");

    private IssuerReader() {
    }

    static Field<Issuer> read(PlanText text, HeadReader.Head head, Casing casing) {
        String placeName = head.place() == null ? null : head.place().value();
        Field<String> name = fromHeader(head.bodyLines(), casing, placeName);
        if (name == null) {
            name = fromSentence(text, head.heading(), placeName);
        }
        if (name == null) {
            return null;
        }
        Level level = level(name.value());
        return new Field<>(new Issuer(name.value(), level), name.source());
    }

    private static Field<String> fromHeader(List<PlanText.Line> lines, Casing casing, String place) {
        if (lines.isEmpty()) {
            return null;
        }
        List<String> bodies = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (PlanText.Line line : lines) {
            if (!bodies.isEmpty() && LOCALITY_START.matcher(line.folded()).find()) {
                int last = bodies.size() - 1;
                bodies.set(last, bodies.get(last) + " " + line.text());
                sources.set(last, sources.get(last).through(line.whole(0.9)));
            } else {
                bodies.add(line.text());
                sources.add(line.whole(0.9));
            }
        }
        int own = bodies.size() - 1;
        String name = casing.written(bodies.get(own));
        Source source = sources.get(own);
        if (own > 0) {
            String superior = casing.written(bodies.get(own - 1));
            source = sources.get(own - 1).through(source);
            name = completed(name, localityName(superior), superior);
        } else {
            name = completed(name, place, null);
        }
        return new Field<>(name, source);
    }

    /** A name ending in a bare locality word takes its place's name; a name with no locality, its superior's. */
    private static String completed(String name, String localityName, String superior) {
        String folded = Fold.of(name);
        if (BARE_LOCALITY.matcher(folded).find()) {
            return localityName == null ? name : name + " " + localityName;
        }
        if (superior != null && !LOCALITY_NAME.matcher(folded).find() && !hasLocality(folded)) {
            Matcher m = LOCALITY_NAME.matcher(Fold.of(superior));
            if (m.find()) {
                return name + " " + superior.substring(m.start());
            }
        }
        return name;
    }

    private static boolean hasLocality(String folded) {
        return ANY_LOCALITY.matcher(folded).find();
    }

    private static String localityName(String body) {
        Matcher m = LOCALITY_NAME.matcher(Fold.of(body));
        return m.find() ? body.substring(m.start(2)) : null;
    }

    /** The subject of the sentence, in the preamble, that issues the plan (or, failing that, launches the campaign). */
    private static Field<String> fromSentence(PlanText text, int heading, String place) {
        int from = heading + 1;
        int to = Math.min(text.size(), from + 40);
        for (int i = from; i < to; i++) {
            if (i > from && SECTION_ONE.matcher(text.line(i).folded()).find()) {
                to = i;
                break;
            }
        }
        for (Pattern verb : List.of(ISSUING, LAUNCHING)) {
            for (int i = Math.max(0, from); i < to; i++) {
                PlanText.Line line = text.line(i);
                Matcher m = verb.matcher(line.folded());
                while (m.find()) {
                    Field<String> subject = subject(line, m.start(), place);
                    if (subject != null) {
                        return subject;
                    }
                }
            }
        }
        return null;
    }

    private static Field<String> subject(PlanText.Line line, int verb, String place) {
        int start = verb;
        while (start > 0 && ",;:.".indexOf(line.text().charAt(start - 1)) < 0 && verb - start < 200) {
            start--;
        }
        String raw = line.text().substring(start, verb);
        int lead = raw.length() - raw.stripLeading().length();
        String subject = raw.strip();
        String folded = Fold.of(subject);
        if (subject.isEmpty() || !Character.isUpperCase(subject.charAt(0)) || !BODY_WORD.matcher(folded + " ").find()
                || subject.split(" ").length > 14 || folded.startsWith("can cu") || folded.startsWith("thuc hien")) {
            return null;
        }
        String name = expand(subject);
        double confidence = 0.8;
        if (BARE_LOCALITY.matcher(Fold.of(name)).find() && place != null) {
            name = name + " " + place;
            confidence = 0.7;
        }
        return new Field<>(name, line.span(start + lead, start + lead + subject.length(), confidence));
    }

    /** "UBND huyện" → "Ủy ban nhân dân huyện"; "HĐND" → "Hội đồng nhân dân". */
    static String expand(String words) {
        return words.replaceAll("\\bUBND\\b", "Ủy ban nhân dân").replaceAll("(?<!\\p{L})HĐND(?!\\p{L})",
                "Hội đồng nhân dân");
    }

    /** The level of a body, by the first locality its name gives (or by what it is: a ministry, the centre). */
    static Level level(String name) {
        String folded = Fold.of(name);
        if (folded.matches("^(bo|bo truong)\\b.*")) {
            return Level.MINISTRY;
        }
        if (folded.contains("trung uong") || folded.contains("chinh phu") || folded.contains("thu tuong")
                || folded.contains("chu tich nuoc")) {
            return Level.CENTRAL;
        }
        Matcher m = LEVEL_WORD.matcher(folded);
        if (!m.find()) {
            // a department with no place in its name: a Sở is the province's, a Phòng the district's
            return folded.matches("(?:.*\\s)?so\\s.*") ? Level.PROVINCE
                    : folded.matches("(?:.*\\s)?phong\\s.*") ? Level.DISTRICT : null;
        }
        return switch (m.group(1)) {
            case "tinh uy", "tinh" -> Level.PROVINCE;
            case "thanh pho", "thanh uy" -> m.group(2) != null
                    && CENTRAL_CITIES.stream().anyMatch(c -> m.group(2).strip().startsWith(c))
                    ? Level.PROVINCE : Level.DISTRICT;
            case "huyen uy", "quan uy", "thi uy", "huyen", "quan", "thi xa" -> Level.DISTRICT;
            default -> Level.COMMUNE;
        };
    }
}

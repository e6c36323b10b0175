package vn.thidua.planimport;

import vn.thidua.domain.campaign.value.CampaignKind;
import vn.thidua.domain.common.TargetGroup;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the campaign is: its kind (the words the title, or else the body, give the drive: "đợt thi đua đặc biệt",
 * "cao điểm", "theo chuyên đề", "thường xuyên"), its theme (the quoted words after "chủ đề:", or under a "Chủ đề"
 * heading), its motto (the quoted words after "phương châm"), and who takes part (an "Đối tượng" part, else the
 * collectives and individuals the plan speaks to: "các tập thể, cá nhân").
 */
final class ContentReader {

    private static final Pattern KIND = Pattern.compile(
            "\\b(?:dot|phong trao) thi dua (?:yeu nuoc )?(dac biet|cao diem|(?:theo )?chuyen de|thuong xuyen)\\b");
    private static final Pattern THEME = Pattern.compile(
            "\\bchu de(?: thi dua| cua dot thi dua| phong trao)?\\s*:\\s*");
    private static final Pattern MOTTO = Pattern.compile("\\bphuong cham(?: hanh dong| thi dua)?\\s*(?::\\s*)?$");
    private static final Pattern QUOTED = Pattern.compile("[\"“„]([^\"“”„]{3,500})[\"”]");
    private static final Pattern TARGETS_HEADING = Pattern.compile(
            "^(?:(?:\\d{1,2}|[ivx]{1,4}|[a-z])\\s*[.)/-]\\s*)?doi tuong"
                    + "(?: thi dua| ap dung| tham gia| khen thuong)?\\s*:?\\s*(.*)$");
    private static final Pattern NEXT_PART = Pattern.compile("^(?:\\d{1,2}|[ivx]{1,4})\\s*[.)/-]\\s");
    private static final Pattern COLLECTIVES_AND_INDIVIDUALS = Pattern.compile(
            "\\b(?:cac|nhung|cho|doi voi)?\\s*tap the\\s*(?:,|va|hoac)\\s*(?:cac\\s*)?ca nhan\\b");
    private static final Pattern HOUSEHOLDS = Pattern.compile("\\bho gia dinh\\b");
    private static final Pattern COLLECTIVES = Pattern.compile("\\btap the\\b");
    private static final Pattern INDIVIDUALS = Pattern.compile("\\bca nhan\\b");
    private static final Pattern COLLECTIVE_WORDS = Pattern.compile("\\b(tap the|to chuc|co quan|don vi|dang bo|chi bo|"
            + "doanh nghiep|thon|to dan pho|khu pho|hop tac xa|dia phuong)\\b");
    private static final Pattern INDIVIDUAL_WORDS = Pattern.compile("\\b(ca nhan|can bo|cong chuc|vien chuc|dang vien|"
            + "nguoi lao dong|hoc sinh|sinh vien|giao vien|chien si|hoi vien|doan vien|cong dan|nhan dan)\\b");

    private ContentReader() {
    }

    static Field<CampaignKind> kind(PlanText text, Field<String> title, int heading) {
        if (title != null) {
            Matcher m = KIND.matcher(Fold.of(title.value()));
            if (m.find()) {
                return new Field<>(kindOf(m.group(1)), title.source().withConfidence(0.9));
            }
        }
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = KIND.matcher(line.folded());
            if (m.find()) {
                return new Field<>(kindOf(m.group(1)), line.span(m.start(), m.end(), 0.75));
            }
        }
        return null;
    }

    private static CampaignKind kindOf(String words) {
        return switch (words) {
            case "dac biet" -> CampaignKind.SPECIAL;
            case "cao diem" -> CampaignKind.PEAK;
            case "thuong xuyen" -> CampaignKind.REGULAR;
            default -> CampaignKind.THEMATIC;
        };
    }

    static Field<String> theme(PlanText text, int heading) {
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = THEME.matcher(line.folded());
            if (!m.find()) {
                continue;
            }
            Field<String> quoted = quoted(line, m.end(), 0.9);
            if (quoted == null && line.text().substring(m.end()).isBlank()) { // a heading: the theme follows
                int next = text.nextFilled(i + 1);
                quoted = next < 0 ? null : quoted(text.line(next), 0, 0.8);
            }
            if (quoted != null) {
                return quoted;
            }
        }
        return null;
    }

    static Field<String> motto(PlanText text, int heading) {
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher q = QUOTED.matcher(line.text());
            while (q.find()) {
                String before = line.folded().substring(Math.max(0, q.start() - 40), q.start());
                if (MOTTO.matcher(before).find()) {
                    return new Field<>(q.group(1).strip(), line.span(q.start(1), q.end(1), 0.85));
                }
            }
        }
        return null;
    }

    /** The first quoted words of a line at or after {@code from}. */
    private static Field<String> quoted(PlanText.Line line, int from, double confidence) {
        Matcher q = QUOTED.matcher(line.text());
        if (q.find(from)) {
            return new Field<>(q.group(1).strip(), line.span(q.start(1), q.end(1), confidence));
        }
        return null;
    }

    static Field<Set<TargetGroup>> targetGroups(PlanText text, int heading) {
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = TARGETS_HEADING.matcher(line.folded());
            if (!m.matches() || line.text().length() > 200) {
                continue;
            }
            Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
            Source source = line.whole(0.9);
            addGroups(groups, m.group(1));
            for (int j = i + 1; j < text.size() && j < i + 12; j++) {
                PlanText.Line next = text.line(j);
                if (NEXT_PART.matcher(next.folded()).find()) {
                    break;
                }
                if (!next.blank()) {
                    int before = groups.size();
                    addGroups(groups, next.folded().length() > 60 ? next.folded().substring(0, 60) : next.folded());
                    if (groups.size() > before) {
                        source = source.through(next.whole(0.9));
                    }
                }
            }
            if (!groups.isEmpty()) {
                return new Field<>(groups, source);
            }
        }
        for (int i = Math.max(0, heading + 1); i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = COLLECTIVES_AND_INDIVIDUALS.matcher(line.folded());
            if (m.find()) {
                Set<TargetGroup> groups = EnumSet.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL);
                if (HOUSEHOLDS.matcher(line.folded()).find()) {
                    groups.add(TargetGroup.HOUSEHOLD);
                }
                return new Field<>(groups, line.span(m.start(), m.end(), 0.6));
            }
        }
        return null;
    }

    /** Who a "Đối tượng" statement names: collectives by kind of body, individuals by kind of person, households. */
    private static void addGroups(Set<TargetGroup> groups, String folded) {
        if (COLLECTIVE_WORDS.matcher(folded).find()) {
            groups.add(TargetGroup.COLLECTIVE);
        }
        if (INDIVIDUAL_WORDS.matcher(folded).find()) {
            groups.add(TargetGroup.INDIVIDUAL);
        }
        if (HOUSEHOLDS.matcher(folded).find()) {
            groups.add(TargetGroup.HOUSEHOLD);
        }
    }

    /**
     * Whom an award form is for, by the words "tập thể", "cá nhân", "hộ gia đình" alone (narrower than a "Đối tượng"
     * statement's, which names kinds of bodies and persons).
     */
    static Set<TargetGroup> namedGroups(String folded) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        if (COLLECTIVES.matcher(folded).find()) {
            groups.add(TargetGroup.COLLECTIVE);
        }
        if (INDIVIDUALS.matcher(folded).find()) {
            groups.add(TargetGroup.INDIVIDUAL);
        }
        if (HOUSEHOLDS.matcher(folded).find()) {
            groups.add(TargetGroup.HOUSEHOLD);
        }
        return groups;
    }
}

package vn.thidua.planimport;

import vn.thidua.domain.campaign.value.Signer;
import vn.thidua.domain.common.Limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closing of a plan: the distribution list under "Nơi nhận" and the signature block ("TM. ỦY BAN NHÂN DÂN" /
 * "CHỦ TỊCH" / the signer's name; "KT. …", "TL. …" alike; a title alone when the head signs in their own name).
 * A copy of the opening only (a web page that carries the first page) has neither, and gets neither.
 */
final class SignatureReader {

    private static final Pattern ON_BEHALF = Pattern.compile("^(tm|t/m|kt|k/t|tl|t/l|tuq|q)\\s*[.:]?\\s+(\\S.*)$");
    private static final Pattern TITLE = Pattern.compile("^(pho\\s+)?(chu tich|giam doc|bi thu|truong ban|"
            + "truong phong|hieu truong|bo truong|thu truong|chanh van phong|tong giam doc|chanh an|vien truong|"
            + "cuc truong|tong cuc truong|thu tuong|chu nhiem|truong khoa|tong bi thu|uy vien|chanh thanh tra)\\b");
    private static final Pattern SIGNED_MARK = Pattern.compile(
            "^[(\\[]?\\s*(da ky|ky,|ky ten|ky va|chu ky|dong dau|ky so|signed)[^)\\]]*[)\\]]?$");
    /** Words of an office, never of a name (not "tỉnh" or "phường": Tình, Phương and Huyền are names). */
    private static final Pattern OFFICE_WORDS = Pattern.compile(
            "\\b(ubnd|hdnd|uy ban|hoi dong|dang uy|tinh uy|huyen uy|thanh uy)\\b");
    private static final Pattern RECIPIENTS = Pattern.compile("^noi nhan\\s*[:.]?\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("^[-–—+•*·]\\s*(.*)$");
    /** Family names that open nearly every Vietnamese name: a name that starts with one is read with more trust. */
    private static final Set<String> FAMILY_NAMES = Set.of(
            "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
            "duong", "ly", "dao", "doan", "vuong", "trinh", "truong", "lam", "phung", "mai", "to", "ha", "ta",
            "luong", "dinh", "cao", "chau", "thai", "luu", "la", "kieu", "quach", "trieu", "tang", "tu", "hua",
            "mac", "chu", "khong", "lo", "nong", "giang", "tong", "than", "kim", "ong", "diep", "lai", "nghiem",
            "luc", "au", "bach", "dam", "dong", "hau", "khuc", "mach", "ninh", "phi", "pho", "quan", "sam", "thach",
            "tieu", "tra", "vi", "yen", "han", "khuong", "lac", "lu", "mong", "nham", "ton", "ung", "vien", "van",
            "hoa", "son", "luyen", "danh", "dieu");
    /** How far from the end of the text a signature block is looked for. */
    private static final int CLOSING_LINES = 80;

    private SignatureReader() {
    }

    static Field<Signer> signer(PlanText text, Casing casing) {
        int from = Math.max(0, text.size() - CLOSING_LINES);
        int orphan = -1; // "TM. …" whose title a flattened layout put further down (after "Nơi nhận" beside it)
        for (int i = text.size() - 1; i >= from; i--) {
            PlanText.Line line = text.line(i);
            Matcher m = ON_BEHALF.matcher(line.folded());
            if (m.matches() && Casing.isUpper(line.text().substring(m.start(2)))) {
                int titleLine = text.nextFilled(i + 1);
                if (titleLine < 0 || !Casing.isUpper(text.line(titleLine).text())) {
                    orphan = orphan < 0 ? i : orphan;
                    continue;
                }
                return signedBy(text, titleLine, onBehalf(line, m, casing), line.whole(0.9), casing);
            }
        }
        for (int i = text.size() - 1; i >= from; i--) {
            PlanText.Line line = text.line(i);
            if (TITLE.matcher(line.folded()).find() && Casing.isUpper(line.text())
                    && line.text().split(" ").length <= 6) {
                if (orphan >= 0 && orphan < i) {
                    PlanText.Line on = text.line(orphan);
                    Matcher m = ON_BEHALF.matcher(on.folded());
                    if (m.matches()) {
                        return signedBy(text, i, onBehalf(on, m, casing), on.whole(0.8), casing);
                    }
                }
                return signedBy(text, i, null, null, casing);
            }
        }
        return null;
    }

    /** "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân": the mark as printed, the body as the text writes it. */
    private static String onBehalf(PlanText.Line line, Matcher m, Casing casing) {
        String prefix = line.text().substring(0, m.start(2)).strip();
        return prefix + " " + casing.written(line.text().substring(m.start(2)).strip());
    }

    private static Field<Signer> signedBy(PlanText text, int titleLine, String onBehalf, Source onBehalfSource,
                                          Casing casing) {
        PlanText.Line titleText = text.line(titleLine);
        String title = titleCase(titleText.text());
        Source source = onBehalfSource == null ? titleText.whole(0.85) : onBehalfSource.through(titleText.whole(0.9));
        String name = null;
        int seen = 0;
        for (int i = titleLine + 1; i < text.size() && seen < 6; i++) {
            PlanText.Line line = text.line(i);
            if (line.blank() || SIGNED_MARK.matcher(line.folded()).matches()) {
                continue;
            }
            seen++;
            if (isName(line.text())) {
                name = Casing.isUpper(line.text()) ? Casing.titleCase(line.text()) : line.text();
                boolean known = FAMILY_NAMES.contains(line.folded().split(" ")[0]);
                source = source.through(line.whole(known ? 0.9 : 0.7));
                break;
            }
            if (Casing.isUpper(line.text())) {
                continue; // the rest of a title over two lines
            }
            break;
        }
        if (name == null) {
            return null; // a title with no name under it: not a signature block
        }
        return new Field<>(new Signer(name, title, onBehalf), source);
    }

    /** "PHÓ BÍ THƯ" → "Phó Bí thư"; "CHỦ TỊCH" → "Chủ tịch". */
    private static String titleCase(String printed) {
        return Casing.isUpper(printed) ? Casing.sentenceCase(printed.toLowerCase(java.util.Locale.ROOT)) : printed;
    }

    /** A person's name: two to six capitalised words, no digits, no office ("CHỦ TỊCH UBND TỈNH" is a title). */
    private static boolean isName(String text) {
        String folded = Fold.of(text);
        if (text.length() > 50 || text.chars().anyMatch(Character::isDigit) || TITLE.matcher(folded).find()
                || OFFICE_WORDS.matcher(folded).find()) {
            return false;
        }
        String[] words = text.split(" ");
        if (words.length < 2 || words.length > 6) {
            return false;
        }
        for (String word : words) {
            if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))
                    || !word.chars().allMatch(c -> Character.isLetter(c) || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The items under "Nơi nhận", each as printed without its list mark and trailing punctuation. */
    static Field<List<String>> recipients(PlanText text) {
        int from = Math.max(0, text.size() - CLOSING_LINES - 40);
        for (int i = from; i < text.size(); i++) {
            PlanText.Line line = text.line(i);
            Matcher m = RECIPIENTS.matcher(line.folded());
            if (!m.matches()) {
                continue;
            }
            List<String> items = new ArrayList<>();
            Source source = line.whole(0.9);
            String rest = line.text().substring(m.start(1)).strip();
            if (!rest.isEmpty()) {
                for (String item : rest.split("(^|\\s)[-–+•]\\s")) {
                    add(items, item);
                }
                source = line.whole(0.8);
            }
            for (int j = i + 1; j < text.size() && items.size() < Limits.LIST_MAX_ITEMS; j++) {
                PlanText.Line next = text.line(j);
                if (next.blank() || isSignatureLine(next)) {
                    continue; // the signature block, flattened beside the list, interleaves with it
                }
                Matcher item = ITEM.matcher(next.text());
                if (item.matches()) {
                    add(items, item.group(1));
                } else if (next.folded().startsWith("luu") && next.text().length() < 40) {
                    add(items, next.text());
                } else if (!items.isEmpty() && Character.isLowerCase(next.text().charAt(0))
                        && !Casing.isUpper(next.text())) {
                    int last = items.size() - 1;
                    items.set(last, trimmed(items.get(last) + " " + next.text()));
                } else {
                    break;
                }
                source = source.through(next.whole(0.9));
            }
            return items.isEmpty() ? null : new Field<>(List.copyOf(items), source);
        }
        return null;
    }

    /** A line of a signature block: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)". */
    private static boolean isSignatureLine(PlanText.Line line) {
        String folded = line.folded();
        return SIGNED_MARK.matcher(folded).matches() || (Casing.isUpper(line.text())
                && (ON_BEHALF.matcher(folded).matches() || TITLE.matcher(folded).find()));
    }

    private static void add(List<String> items, String item) {
        String value = trimmed(item);
        if (!value.isEmpty() && items.size() < Limits.LIST_MAX_ITEMS) {
            items.add(value);
        }
    }

    private static String trimmed(String item) {
        return item.strip().replaceAll("[\\s;,.]+$", "").strip();
    }
}

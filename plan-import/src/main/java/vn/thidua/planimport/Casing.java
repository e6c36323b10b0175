package vn.thidua.planimport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words printed in capitals (a header, a signature: "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "PHÓ BÍ THƯ") written as a
 * reader writes them. The plan itself is the best guide: where the body writes the same words ("Đảng ủy Khối các cơ
 * quan tỉnh"), its casing is taken. Otherwise the rules of Vietnamese administrative writing: the first word capital;
 * a place name after its kind ("huyện Bố Trạch") and a person's name capital in every word; "Phó" capitalises the
 * title it qualifies ("Phó Bí thư").
 */
final class Casing {

    private static final Pattern LOCALITY = Pattern.compile("\\b(tỉnh|huyện|xã|phường|thị trấn|thị xã|quận|thành phố|tp\\.?"
            + "|tỉnh ủy|huyện ủy|thành ủy|quận ủy|thị ủy)\\s+(?!ủy\\b)(\\p{L}+(?:\\s+\\p{L}+){0,3})$");

    private final Map<String, String> bodyCasing = new HashMap<>();
    private final String body;
    private final String bodyLower;

    Casing(List<PlanText.Line> lines) {
        StringBuilder all = new StringBuilder();
        for (PlanText.Line line : lines) {
            all.append(line.text()).append('\n');
        }
        this.body = all.toString();
        this.bodyLower = body.toLowerCase(Locale.ROOT);
    }

    /** Whether a text is printed in capitals (letters only counted). */
    static boolean isUpper(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letters > 0;
    }

    /**
     * The words as the body writes them (the first occurrence not itself in capitals); else their longest beginning
     * the body writes ("Hội đồng Thi đua - Khen thưởng" of "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH BẮC NINH") and the
     * rest in lower case; else sentence case. A place name is capitalised either way.
     */
    String written(String words) {
        if (!isUpper(words)) {
            return words;
        }
        String[] lower = words.toLowerCase(Locale.ROOT).split(" ");
        for (int n = lower.length; n >= 2; n--) {
            String beginning = String.join(" ", Arrays.copyOfRange(lower, 0, n));
            String found = bodyCasing.computeIfAbsent(beginning, this::fromBody);
            if (!found.isEmpty()) {
                String rest = String.join(" ", Arrays.copyOfRange(lower, n, lower.length));
                return placeNames(rest.isEmpty() ? found : found + " " + rest);
            }
        }
        return sentenceCase(String.join(" ", lower));
    }

    private String fromBody(String lower) {
        int at = bodyLower.indexOf(lower);
        while (at >= 0) {
            String candidate = body.substring(at, at + lower.length());
            boolean wordStart = at == 0 || !Character.isLetter(body.charAt(at - 1));
            int after = at + lower.length();
            boolean wordEnd = after >= body.length() || !Character.isLetter(body.charAt(after));
            if (wordStart && wordEnd && !isUpper(candidate) && Character.isUpperCase(candidate.charAt(0))) {
                return candidate;
            }
            at = bodyLower.indexOf(lower, at + 1);
        }
        return "";
    }

    /** "huyện bố trạch" → "Huyện bố trạch" → with its place name: "Huyện Bố Trạch". */
    static String sentenceCase(String lower) {
        String text = placeNames(capitalise(lower));
        if (text.startsWith("Phó ") && text.length() > 4) {
            text = "Phó " + capitalise(text.substring(4));
        }
        return text;
    }

    /** The place name that ends a body's name, after its kind, capitalised: "… tỉnh bắc ninh" → "… tỉnh Bắc Ninh". */
    private static String placeNames(String text) {
        Matcher m = LOCALITY.matcher(text.toLowerCase(Locale.ROOT));
        return m.find() ? text.substring(0, m.start(2)) + titleCase(text.substring(m.start(2))) : text;
    }

    /** A person's or a place's name: every word capital. */
    static String titleCase(String words) {
        StringBuilder out = new StringBuilder(words.length());
        boolean start = true;
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

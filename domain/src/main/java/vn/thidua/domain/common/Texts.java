package vn.thidua.domain.common;

import java.text.Normalizer;
import java.util.Locale;

/** Text helpers for keys built from Vietnamese names. */
public final class Texts {

    private Texts() {
    }

    /**
     * Whether a string is well-formed text: no lone UTF-16 surrogate (it cannot be stored as UTF-8, and two different
     * ids would collapse into one) and no control character other than tab, line feed and carriage return.
     */
    public static boolean isValidUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0)) {
                return false;
            }
        }
        return true;
    }

    /** NFC form, trimmed, inner white space folded, lower case: two spellings of one name give one key. */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}

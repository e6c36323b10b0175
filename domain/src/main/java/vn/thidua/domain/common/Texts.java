package vn.thidua.domain.common;

import java.text.Normalizer;
import java.util.Locale;

/** Text helpers for keys built from Vietnamese names. */
public final class Texts {

    private Texts() {
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

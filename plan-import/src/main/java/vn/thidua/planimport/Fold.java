package vn.thidua.planimport;

import java.text.Normalizer;

/**
 * Vietnamese text without its marks, in lower case, <em>one character for one</em>: "Nơi nhận" folds to "noi nhan"
 * and a match found at positions 4–8 of the folded text is at 4–8 of the text. The readers match their cue words on
 * folded text, so a cue is found whatever the marks (a copy with marks lost or mistyped, "Noi nhan", "KÊ HOẠCH"), and
 * still point at the characters it came from. (The projections' search folding collapses punctuation; this one may
 * not.)
 */
final class Fold {

    private Fold() {
    }

    static String of(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            folded[i] = of(text.charAt(i));
        }
        return new String(folded);
    }

    static char of(char c) {
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (!Character.isLetter(c)) {
            return c;
        }
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return Character.toLowerCase(base.charAt(0));
    }
}

package vn.thidua.projections;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Accent-insensitive search: "Bố Trạch", "bo trach" and "BO TRẠCH" all fold to "bo trach". Vietnamese marks are
 * removed by decomposition, and đ/Đ (a letter of its own, not a mark) becomes d.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'd');
        return bare.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** One searchable string of all the given texts. */
    public static String of(String... texts) {
        return Stream.of(texts).filter(Objects::nonNull).map(SearchText::fold).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }
}

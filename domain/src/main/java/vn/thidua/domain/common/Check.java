package vn.thidua.domain.common;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Small guards for command content; each throws an INVALID refusal naming the field. */
public final class Check {

    private Check() {
    }

    public static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())) {
            throw new DomainRuleException(Refusal.REQUIRED, field, field);
        }
        return value;
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Refuses a list whose items share a key (e.g. two milestones with the same id). */
    public static <T> void unique(List<T> items, Function<T, String> key, String field) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String k = item == null ? null : key.apply(item);
            if (k != null && !seen.add(k)) {
                throw new DomainRuleException(Refusal.DUPLICATE_ENTRY, field, field, k);
            }
        }
    }
}

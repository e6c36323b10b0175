package vn.thidua.domain.common;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a command against {@link Limits} before any rule looks at it: every string (length, valid Unicode, ids in
 * their alphabet), every list (size, no null element) and every date, walking nested records. Each aggregate handler
 * calls it first, so the bounds hold for every way a command can arrive (HTTP, the demo loader, a test).
 */
public final class Bounds {

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private Bounds() {
    }

    public static void check(Object command) {
        if (command != null && command.getClass().isRecord()) {
            walkRecord(command, "");
        }
    }

    private static void walkRecord(Object record, String path) {
        for (RecordComponent component : COMPONENTS.computeIfAbsent(record.getClass(), Class::getRecordComponents)) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = component.getName();
            walk(value, name, path.isEmpty() ? name : path + "." + name);
        }
    }

    private static void walk(Object value, String name, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            text(s, name, path);
        } else if (value instanceof LocalDate date) {
            date(date, path);
        } else if (value instanceof Collection<?> items) {
            int max = Limits.LIST_MAX_ITEMS_BY_FIELD.getOrDefault(name, Limits.LIST_MAX_ITEMS);
            if (items.size() > max) {
                throw new DomainRuleException(Refusal.TOO_MANY_ITEMS, path, path, items.size(), max);
            }
            int i = 0;
            for (Object item : items) {
                String at = path + "[" + i++ + "]";
                if (item == null) {
                    throw new DomainRuleException(Refusal.REQUIRED, at, at);
                }
                walk(item, name, at);
            }
        } else if (value.getClass().isRecord() && value.getClass().getPackageName().startsWith("vn.thidua")) {
            walkRecord(value, path);
        }
    }

    private static void text(String s, String name, String path) {
        int max = Limits.LONG_TEXT_FIELDS.contains(name) ? Limits.LONG_TEXT_MAX_LENGTH : Limits.SHORT_TEXT_MAX_LENGTH;
        if (s.length() > max) {
            throw new DomainRuleException(Refusal.TEXT_TOO_LONG, path, path, s.length(), max);
        }
        if (!Texts.isValidUnicode(s)) {
            throw new DomainRuleException(Refusal.INVALID_TEXT, path, path);
        }
        if (name.endsWith("Id") && !Limits.ID.matcher(s).matches()) {
            throw new DomainRuleException(Refusal.INVALID_ID, path, path, Limits.ID_MAX_LENGTH);
        }
    }

    private static void date(LocalDate date, String path) {
        if (date.isBefore(Limits.EARLIEST_DATE) || date.isAfter(Limits.LATEST_DATE)) {
            throw new DomainRuleException(Refusal.DATE_OUT_OF_RANGE, path, path, date, Limits.EARLIEST_DATE,
                    Limits.LATEST_DATE);
        }
    }

    /** Refuses a number outside [min, max]. */
    public static int number(Integer value, int min, int max, String path) {
        int n = Check.required(value, path);
        if (n < min || n > max) {
            throw new DomainRuleException(Refusal.NUMBER_OUT_OF_RANGE, path, path, n, min, max);
        }
        return n;
    }

    /** Refuses when a unit or campaign already holds {@code max} things of a kind. */
    public static void room(int held, int max, Refusal.Counted what) {
        if (held >= max) {
            throw DomainRuleException.of(Refusal.LIMIT_REACHED, max, what);
        }
    }
}

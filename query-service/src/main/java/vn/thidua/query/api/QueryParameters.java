package vn.thidua.query.api;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.Texts;
import vn.thidua.projections.SearchText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Query parameters as they enter: each bounded and checked once, here, and the filters they become. */
public final class QueryParameters {

    /** The longest text a query parameter may carry. */
    public static final int MAX_PARAMETER_LENGTH = 200;

    private QueryParameters() {
    }

    /** A text parameter as given, refused when too long or not valid text; null stays null. */
    public static String text(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_PARAMETER_LENGTH || !Texts.isValidUnicode(value)) {
            throw new QueryExceptions.InvalidParameter(parameter, "Tham số \"" + parameter
                    + "\" phải là văn bản hợp lệ, tối đa " + MAX_PARAMETER_LENGTH + " ký tự");
        }
        return value;
    }

    /**
     * A whole-number parameter between {@code min} and {@code max}; null stays null. Taken as text and read here,
     * after the caller's role was checked: a malformed number is then a 400 for those who may ask only.
     */
    public static Long number(String parameter, String value, long min, long max) {
        if (value == null) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(text(parameter, value).trim());
        } catch (NumberFormatException e) {
            throw new QueryExceptions.InvalidParameter(parameter, "Tham số \"" + parameter + "\" phải là số nguyên");
        }
        if (number < min || number > max) {
            throw new QueryExceptions.InvalidParameter(parameter, "Tham số \"" + parameter + "\" phải từ " + min
                    + " đến " + max);
        }
        return number;
    }

    /** A year parameter within the years any campaign can touch. */
    public static Integer year(Integer year) {
        if (year != null && (year < Limits.EARLIEST_DATE.getYear() || year > Limits.LATEST_DATE.getYear())) {
            throw new QueryExceptions.InvalidParameter("year", "Năm phải từ " + Limits.EARLIEST_DATE.getYear()
                    + " đến " + Limits.LATEST_DATE.getYear());
        }
        return year;
    }

    /** An enum parameter, case-insensitive, as the name a document stores; null stays null. */
    public static <E extends Enum<E>> String enumName(Class<E> type, String parameter, String value) {
        return value == null ? null : enumValue(type, parameter, value).name();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, text(parameter, value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new QueryExceptions.InvalidParameter(parameter, "Giá trị \"" + value
                    + "\" không hợp lệ; dùng một trong " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** "bo trach" → every word must appear in the folded field. */
    public static Bson words(String field, String text) {
        List<Bson> all = new ArrayList<>();
        for (String word : SearchText.fold(text).split(" ")) {
            if (!word.isEmpty()) {
                all.add(Filters.regex(field, Pattern.compile(Pattern.quote(word))));
            }
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }

    /**
     * An instant (2020-07-10T00:00:00Z) or a date taken in Vietnam time, its start, or with {@code endOfDay} the start
     * of the next day; refused outside the dates any campaign can touch.
     */
    public static Instant instant(String parameter, String value, boolean endOfDay) {
        try {
            Instant instant;
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = (endOfDay ? date.plusDays(1) : date).atStartOfDay(DomainClock.VIETNAM).toInstant();
            } else {
                instant = Instant.parse(text(parameter, value));
            }
            Instant earliest = Limits.EARLIEST_DATE.atStartOfDay(DomainClock.VIETNAM).toInstant();
            Instant latest = Limits.LATEST_DATE.plusDays(1).atStartOfDay(DomainClock.VIETNAM).toInstant();
            if (instant.isBefore(earliest) || instant.isAfter(latest)) {
                throw new QueryExceptions.InvalidParameter(parameter, "\"" + value + "\" nằm ngoài khoảng "
                        + Limits.EARLIEST_DATE + " – " + Limits.LATEST_DATE);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new QueryExceptions.InvalidParameter(parameter,
                    "\"" + value + "\" không phải ngày (2020-07-10) hay thời điểm (2020-07-10T00:00:00Z)");
        }
    }
}

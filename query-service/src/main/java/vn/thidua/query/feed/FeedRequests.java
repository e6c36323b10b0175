package vn.thidua.query.feed;

import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The feed's parameters as they enter, each checked once here: cursors, instants, filters, page sizes. */
public final class FeedRequests {

    /** At most this many event types in one filter (there are fewer types than that). */
    static final int MAX_TYPES = 50;

    private FeedRequests() {
    }

    /**
     * The cursor to read after: {@code after} (a position, exclusive; -1 for the beginning), or the last position
     * before {@code since} (an instant), or the beginning. Both at once is refused.
     */
    static long cursor(EventLog log, String after, String since) {
        if (after != null && since != null) {
            throw new QueryExceptions.InvalidParameter("after", "Chỉ dùng một trong hai tham số after và since");
        }
        if (after != null) {
            return position("after", after);
        }
        if (since != null) {
            return since(log, since);
        }
        return log.beginning();
    }

    /** The cursor before the first event stored at or after {@code since}, an ISO-8601 instant. */
    public static long since(EventLog log, String since) {
        try {
            return log.cursorAt(Instant.parse(QueryParameters.text("since", since)));
        } catch (DateTimeParseException e) {
            throw new QueryExceptions.InvalidParameter("since", "\"" + since
                    + "\" không phải thời điểm ISO-8601 (2020-06-01T00:00:00Z)");
        }
    }

    /** A position: an integer from -1 (before the first event) up. */
    static long position(String parameter, String value) {
        try {
            long position = Long.parseLong(QueryParameters.text(parameter, value).trim());
            if (position < -1) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new QueryExceptions.InvalidParameter(parameter, "\"" + value
                    + "\" không phải vị trí sự kiện (số nguyên từ -1)");
        }
    }

    public static FeedFilter filter(List<String> types, String campaignId, String aggregateId) {
        Set<String> names = new LinkedHashSet<>();
        if (types != null) {
            for (String list : types) {
                for (String type : QueryParameters.text("types", list).split(",")) {
                    if (type.isBlank()) {
                        continue;
                    }
                    names.add(EventCatalogue.named(type.trim()).orElseThrow(() ->
                            new QueryExceptions.InvalidParameter("types", "Không có loại sự kiện \"" + type.trim()
                                    + "\"; xem /api/events/types")).name());
                    if (names.size() > MAX_TYPES) {
                        throw new QueryExceptions.InvalidParameter("types", "Tối đa " + MAX_TYPES
                                + " loại sự kiện");
                    }
                }
            }
        }
        return new FeedFilter(Set.copyOf(names), blankToNull(QueryParameters.text("campaignId", campaignId)),
                blankToNull(QueryParameters.text("aggregateId", aggregateId)));
    }

    static int limit(Integer limit, int max) {
        if (limit == null) {
            return Math.min(100, max);
        }
        if (limit < 1 || limit > max) {
            throw new QueryExceptions.InvalidParameter("limit", "limit phải từ 1 đến " + max);
        }
        return limit;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

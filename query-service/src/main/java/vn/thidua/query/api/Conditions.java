package vn.thidua.query.api;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/** The filter of a query, condition by condition; a condition whose parameter was not given is left out. */
final class Conditions {

    private final List<Bson> all = new ArrayList<>();

    /** {@code field} equals {@code value}, when a value was given. */
    Conditions eq(String field, Object value) {
        if (value != null) {
            all.add(Filters.eq(field, value));
        }
        return this;
    }

    /** Every word of {@code text} appears in the folded {@code field}, when a text was given. */
    Conditions words(String field, String text) {
        if (text != null) {
            all.add(QueryParameters.words(field, text));
        }
        return this;
    }

    /** {@code field} is at least {@code value}, when a value was given. */
    Conditions atLeast(String field, Object value) {
        if (value != null) {
            all.add(Filters.gte(field, value));
        }
        return this;
    }

    /** {@code field} is below {@code value}, when a value was given. */
    Conditions below(String field, Object value) {
        if (value != null) {
            all.add(Filters.lt(field, value));
        }
        return this;
    }

    Bson toFilter() {
        return all.isEmpty() ? new Document() : Filters.and(all);
    }
}

package vn.thidua.query.api;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.SearchText;
import vn.thidua.projections.View;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filter of a query, condition by condition; a condition whose parameter was not given is left out. Each
 * condition is written twice, once for each way a store answers: as a MongoDB filter (a MongoDB server, through its
 * secondary indexes) and as {@link KeyIndex} keys, with, where the keys alone are not exact, a test of each candidate
 * document (any store, through unique {@code _id} lookups only). Both give the same documents.
 *
 * @param <T> the documents' view type
 */
final class Conditions<T extends View> {

    private final List<Bson> filters = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final List<Predicate<T>> tests = new ArrayList<>();
    private final String everyDocumentKey;

    /** @param everyDocumentKey the key listing every document, for a query with no key of its own (or null) */
    Conditions(String everyDocumentKey) {
        this.everyDocumentKey = everyDocumentKey;
    }

    /**
     * {@code field} equals {@code value}, when a value was given: the documents listed under {@code key(value)}
     * (null: a condition another key implies).
     */
    <V> Conditions<T> eq(String field, V value, Function<V, String> key) {
        if (value != null) {
            filters.add(Filters.eq(field, value));
            String listed = key.apply(value);
            if (listed != null) {
                keys.add(listed);
            }
        }
        return this;
    }

    /**
     * Every word of {@code text} appears in the folded {@code field} ({@code folded} of a document), when a text was
     * given: the documents listed under runs of three letters that cover the word ({@link
     * KeyIndex#coveringTrigramKeys}); a word of other than three letters is then tested on each of them.
     */
    Conditions<T> words(String field, String text, String indexField, Function<T, String> folded) {
        if (text == null) {
            return this;
        }
        filters.add(QueryParameters.words(field, text));
        for (String word : SearchText.fold(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            keys.addAll(KeyIndex.coveringTrigramKeys(indexField, word));
            if (word.length() != 3) {
                tests.add(document -> folded.apply(document) != null && folded.apply(document).contains(word));
            }
        }
        return this;
    }

    Bson toFilter() {
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    /** The keys every matching document is listed under. */
    List<String> keys() {
        if (keys.isEmpty() && everyDocumentKey != null) {
            return List.of(everyDocumentKey);
        }
        return new ArrayList<>(keys);
    }

    /** The test a document listed under every key must still pass, or null when the keys are exact. */
    Predicate<T> test() {
        return tests.isEmpty() ? null : tests.stream().reduce(Predicate::and).orElseThrow();
    }
}

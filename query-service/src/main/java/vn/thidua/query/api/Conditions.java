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

/**
 * The filter of a query, condition by condition; a condition whose parameter was not given is left out. Each
 * condition is written twice, once for each way a store answers: as a MongoDB filter (a MongoDB server, through its
 * secondary indexes) and as {@link KeyIndex} keys (any store, through unique {@code _id} lookups only). Both give the
 * same documents.
 * <p>
 * Equality conditions are exact keys: the documents listed under all of them are those that meet them. A text
 * condition is a test on a folded field (every word appears in it), with keys that only narrow the candidates: runs of
 * three letters that each matching document has ({@link KeyIndex#coveringTrigramKeys}). How many of those are read,
 * and whether the test runs on the documents or on the field's text key, is the query's plan
 * ({@link ReadModelQueries#pageByKeys}).
 *
 * @param <T> the documents' view type
 */
final class Conditions<T extends View> {

    /** Every word of a folded query text appears in the folded field {@code indexField} of a document. */
    record Words<T>(String indexField, List<String> words, Function<T, String> folded) {

        /** The runs of three letters each matching document is listed under. */
        Set<String> keys() {
            Set<String> keys = new LinkedHashSet<>();
            for (String word : words) {
                keys.addAll(KeyIndex.coveringTrigramKeys(indexField, word));
            }
            return keys;
        }

        boolean test(String foldedText) {
            if (foldedText == null) {
                return false;
            }
            for (String word : words) {
                if (!foldedText.contains(word)) {
                    return false;
                }
            }
            return true;
        }

        boolean testDocument(T document) {
            return test(folded.apply(document));
        }
    }

    private final List<Bson> filters = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final List<Words<T>> words = new ArrayList<>();
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

    /** Every word of {@code text} appears in the folded {@code field} ({@code folded} of a document), when given. */
    Conditions<T> words(String field, String text, String indexField, Function<T, String> folded) {
        if (text == null) {
            return this;
        }
        filters.add(QueryParameters.words(field, text));
        List<String> folds = new ArrayList<>();
        for (String word : SearchText.fold(text).split(" ")) {
            if (!word.isEmpty()) {
                folds.add(word);
            }
        }
        if (!folds.isEmpty()) {
            words.add(new Words<>(indexField, List.copyOf(folds), folded));
        }
        return this;
    }

    Bson toFilter() {
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    /**
     * The exact keys: every matching document is listed under each, and, when there is no text condition, those
     * listed under all of them match. With neither these nor a text condition's key, the key of every document.
     */
    List<String> exactKeys() {
        if (keys.isEmpty() && narrowingKeys().isEmpty() && everyDocumentKey != null) {
            return List.of(everyDocumentKey);
        }
        return new ArrayList<>(keys);
    }

    /** The text conditions' runs of three letters: each narrows the candidates, none is needed for the answer. */
    Set<String> narrowingKeys() {
        Set<String> narrowing = new LinkedHashSet<>();
        words.forEach(w -> narrowing.addAll(w.keys()));
        return narrowing;
    }

    /** The text conditions, tested on each candidate. */
    List<Words<T>> words() {
        return words;
    }
}

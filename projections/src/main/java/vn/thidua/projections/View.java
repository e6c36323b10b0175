package vn.thidua.projections;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What every read-model document carries to stay idempotent: the global position of the last event applied to it.
 * An event at or before that position has been applied already and is skipped, so a redelivered batch or a replay
 * leaves the document exactly as one pass would.
 */
public abstract class View {

    /** Document field names, for queries and indexes. */
    public static final String ID = "_id";
    public static final String POSITION = "position";
    public static final String INDEX_PENDING = "indexPending";

    @JsonProperty("_id")
    public String id;

    /** Global position of the last event applied to this document. */
    @Internal
    public long position = -1;

    /**
     * Present only between two writes of one batch: the document is written first, with the {@link KeyIndex} entries
     * the index is about to lose for it; then the index; then this is removed. A batch that reads a document with it
     * (the process stopped between the writes) finishes that index change before anything else: what the index
     * holds never depends on how a redelivery groups the events into batches ({@link DocumentBatch#flush}).
     */
    @Internal
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<IndexEntry> indexPending;

    /** One entry of the key index: under {@code key}, {@code entry}. */
    public record IndexEntry(String key, String entry) {
    }

    /** Whether {@code fact} is new to this document; if so, it is marked applied. */
    public boolean accepts(Fact fact) {
        if (fact.position() <= position) {
            return false;
        }
        position = fact.position();
        return true;
    }
}

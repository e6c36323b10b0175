package vn.thidua.projections;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every read-model document carries to stay idempotent: the global position of the last event applied to it.
 * An event at or before that position has been applied already and is skipped, so a redelivered batch or a replay
 * leaves the document exactly as one pass would.
 */
public abstract class View {

    /** Document field names, for queries and indexes. */
    public static final String ID = "_id";
    public static final String POSITION = "position";

    @JsonProperty("_id")
    public String id;

    /** Global position of the last event applied to this document. */
    @Internal
    public long position = -1;

    /** Whether {@code fact} is new to this document; if so, it is marked applied. */
    public boolean accepts(Fact fact) {
        if (fact.position() <= position) {
            return false;
        }
        position = fact.position();
        return true;
    }
}

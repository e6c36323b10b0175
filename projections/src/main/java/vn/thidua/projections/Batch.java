package vn.thidua.projections;

import java.util.List;

/** Writes gathered while a batch of events is handled, written at the end of the batch. */
public interface Batch {

    /**
     * Called once, before the first event is handled, with the payloads of every event of the batch (for reading
     * ahead what they will need); a batch that reads nothing ignores it.
     */
    default void prepare(List<Object> payloads) {
    }

    /** Writes everything gathered; called once, after the batch's last event. */
    void flush();
}

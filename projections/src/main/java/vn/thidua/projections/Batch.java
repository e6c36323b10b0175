package vn.thidua.projections;

/** Writes gathered while a batch of events is handled, written at the end of the batch. */
public interface Batch {

    /** Writes everything gathered; called once, after the batch's last event. */
    void flush();
}

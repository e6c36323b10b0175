package vn.thidua.projections;

/**
 * A document that follows one aggregate's stream and remembers that aggregate's version: the sequence number of its
 * last event applied, which read-your-writes compares with the version a command answered. Events of other streams
 * may change the document too (a proposal's events count in its campaign), but do not touch the version.
 */
public abstract class VersionedView extends View {

    public static final String VERSION = "version";

    /** Sequence number of the followed aggregate's last event applied to this document. */
    public long version = -1;
}

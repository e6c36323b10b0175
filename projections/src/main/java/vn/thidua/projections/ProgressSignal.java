package vn.thidua.projections;

/**
 * Tells the readers waiting for a version (read-your-writes) that a batch of this node has just raised its progress
 * marks, so that they look at once instead of at their next poll. Marks raised by another node are seen at the next
 * poll.
 */
public final class ProgressSignal {

    private final Object monitor = new Object();
    private long raised;

    /** A batch has written its documents and raised its marks. */
    public void raised() {
        synchronized (monitor) {
            raised++;
            monitor.notifyAll();
        }
    }

    /** How many times marks were raised so far: pass it to {@link #awaitAfter}. */
    public long count() {
        synchronized (monitor) {
            return raised;
        }
    }

    /** Waits until marks are raised after {@code seen} was read, at most {@code millis}. */
    public void awaitAfter(long seen, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (monitor) {
            long left = millis;
            while (raised == seen && left > 0) {
                monitor.wait(left);
                left = deadline - System.currentTimeMillis();
            }
        }
    }
}

package vn.thidua.query.feed;

import java.time.Duration;

/**
 * Live readers waiting for the next event share one look at the store's head, every {@code interval}, instead of
 * each asking the store in a loop; nobody asks while nobody waits.
 */
public final class HeadWatcher {

    private final EventLog log;
    private final long intervalMillis;
    private final Object lock = new Object();
    private long head = Long.MIN_VALUE;
    private long readAt;

    public HeadWatcher(EventLog log, Duration interval) {
        this.log = log;
        this.intervalMillis = Math.max(1, interval.toMillis());
    }

    /** Waits until the head is beyond {@code position}, at most {@code max}; true when it is. */
    public boolean awaitBeyond(long position, Duration max) throws InterruptedException {
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (true) {
            if (current() > position) {
                return true;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(left, intervalMillis));
        }
    }

    /** The head, read from the store at most once per interval whoever asks. */
    private long current() {
        synchronized (lock) {
            long now = System.currentTimeMillis();
            if (now - readAt >= intervalMillis) {
                head = log.head();
                readAt = now;
            }
            return head;
        }
    }
}

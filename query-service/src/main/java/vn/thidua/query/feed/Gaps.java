package vn.thidua.query.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * When the feed may pass a gap in the positions: the rule behind the high-water mark.
 * <p>
 * A database numbers events when they are inserted, before their transaction commits, so position 21 can become
 * visible after 22, or never (its transaction rolled back; a restart dropped the numbers it had reserved). The
 * embedded store commits in position order (the command side's {@code CommitOrderedJpaEventStorageEngine}), and
 * Axon Server numbers at commit, but a writer that bypasses either could still commit late; handing out 22 before 21
 * would make a client that keeps only its cursor skip 21 for ever. So a position is handed out only when every
 * position below it is stored or missing for good, and a missing position counts as missing for good once
 * <ul>
 *   <li>this node has seen it missing for {@code timeout}, or</li>
 *   <li>the event after it was stored more than {@code timeout} ago (a gap found in old history, after a restart,
 *       does not stall anyone),</li>
 * </ul>
 * the rule of Axon's own gap timeout for its JPA engine (60 s there; {@code thidua.feed.gap-timeout}, 10 s, here:
 * with commits in position order, the gaps the feed meets are rolled-back transactions, and each holds the live
 * feed back that long). A transaction that holds a position longer than that is not expected (a command's lasts
 * milliseconds); if one did, its event would be stored but never handed out by the feed.
 */
public final class Gaps {

    /** At most this many open gaps are remembered (old ones are forgotten first: their timestamps decide). */
    private static final int REMEMBERED = 10_000;

    private final Duration timeout;
    private final Clock clock;
    private final ConcurrentSkipListMap<Long, Instant> firstSeen = new ConcurrentSkipListMap<>();

    public Gaps(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Whether the positions strictly between {@code previous} and {@code next} (the event found after it, stored at
     * {@code nextStoredAt}) may be passed.
     */
    public boolean mayPass(long previous, long next, Instant nextStoredAt) {
        if (next == previous + 1) {
            return true;
        }
        Instant now = clock.instant();
        if (!nextStoredAt.plus(timeout).isAfter(now)) {
            return true;
        }
        Instant seen = firstSeen.computeIfAbsent(previous + 1, position -> now);
        forgetOldest();
        return !seen.plus(timeout).isAfter(now);
    }

    private void forgetOldest() {
        Iterator<Map.Entry<Long, Instant>> oldest = firstSeen.entrySet().iterator();
        while (firstSeen.size() > REMEMBERED && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    public Duration timeout() {
        return timeout;
    }
}

package vn.thidua.query.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages of the event log after a cursor, below the high-water mark ({@link Gaps}), filtered. The cursor a page
 * returns is the last position it examined, not the last it handed out, so a reader whose filter matched nothing in
 * a range still moves past it; a page examines at most {@code scanLimit} events, so no request reads the whole
 * store.
 */
public final class EventFeed {

    /** A page: the events handed out, the cursor to read after next, and the store's head when it was read. */
    public record Page(List<StoredEvent> events, long next, long head) {
    }

    private static final int READ_BATCH = 500;

    private final EventLog log;
    private final Gaps gaps;
    private final int scanLimit;

    public EventFeed(EventLog log, Gaps gaps, int scanLimit) {
        this.log = log;
        this.gaps = gaps;
        this.scanLimit = scanLimit;
    }

    public EventLog log() {
        return log;
    }

    /** Up to {@code limit} events after {@code after} that match {@code filter}. */
    public Page read(long after, FeedFilter filter, int limit) {
        long head = log.head();
        List<StoredEvent> out = new ArrayList<>();
        long cursor = Math.max(after, log.beginning());
        int examined = 0;
        while (out.size() < limit && examined < scanLimit && cursor < head) {
            // without a filter every event read is handed out: read no more than the page needs
            int wanted = filter.isEmpty() ? limit - out.size() : READ_BATCH;
            List<StoredEvent> batch = log.readAfter(cursor, Math.min(Math.min(wanted, READ_BATCH),
                    scanLimit - examined));
            if (batch.isEmpty()) {
                break;
            }
            for (StoredEvent event : batch) {
                if (!gaps.mayPass(cursor, event.position(), event.timestamp())) {
                    return new Page(out, cursor, head); // below the high-water mark only
                }
                cursor = event.position();
                examined++;
                if (filter.matches(event)) {
                    out.add(event);
                    if (out.size() == limit) {
                        break;
                    }
                }
            }
        }
        return new Page(out, cursor, head);
    }
}

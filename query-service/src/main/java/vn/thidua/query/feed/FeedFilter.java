package vn.thidua.query.feed;

import java.util.Set;

/**
 * Which events a reader wants: event types (by name), one campaign (its own events and its proposals'), one
 * aggregate. Empty means no condition. Checked where it enters ({@link FeedRequests}).
 */
public record FeedFilter(Set<String> types, String campaignId, String aggregateId) {

    public static final FeedFilter ALL = new FeedFilter(Set.of(), null, null);

    public boolean isEmpty() {
        return types.isEmpty() && campaignId == null && aggregateId == null;
    }

    public boolean matches(StoredEvent event) {
        return (types.isEmpty() || types.contains(event.name()))
                && (campaignId == null || campaignId.equals(event.campaignId()))
                && (aggregateId == null || aggregateId.equals(event.aggregateId()));
    }
}

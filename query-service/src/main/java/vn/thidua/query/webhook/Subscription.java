package vn.thidua.query.webhook;

import org.bson.Document;
import vn.thidua.query.feed.FeedFilter;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A webhook subscription: where to send (the sink), which events (the feed's filters), its secret (and the one it
 * replaced, still signing beside it until {@code previousSecretUntil}), where it started ({@code startAfter}), and its
 * state. Stored in {@value SubscriptionStore#SUBSCRIPTIONS}; its position is an Axon token
 * ({@link WebhookDispatcher}).
 * <ul>
 *   <li>ACTIVE: delivered by whichever node holds its token's claim;</li>
 *   <li>PAUSED: by its owner's request; resumes where it stopped;</li>
 *   <li>PARKED: a delivery kept failing past the retry horizon ({@code reason}, {@code failedPosition}); resumes from
 *       the failed event when told to;</li>
 *   <li>DISABLED: the sink answered 410 Gone; resumes only when told to.</li>
 * </ul>
 */
public record Subscription(String id, String owner, String sinkUrl, List<String> types, String campaignId,
                           String aggregateId, Status status, String reason, Long failedPosition, String secret,
                           String previousSecret, Instant previousSecretUntil, Long redeliverAfter,
                           long startAfter, Instant createdAt, Instant updatedAt) {

    public enum Status { ACTIVE, PAUSED, PARKED, DISABLED }

    public FeedFilter filter() {
        return new FeedFilter(Set.copyOf(types), campaignId, aggregateId);
    }

    /** The secrets that sign a delivery now: the current one, and the replaced one during its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    /** What the API shows: never a secret. */
    public Map<String, Object> view(long position) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("owner", owner);
        view.put("sinkUrl", sinkUrl);
        view.put("types", types);
        view.put("campaignId", campaignId);
        view.put("aggregateId", aggregateId);
        view.put("status", status);
        view.put("reason", reason);
        view.put("failedPosition", failedPosition);
        view.put("position", position);
        view.put("secretRotatedUntil", previousSecretUntil);
        view.put("createdAt", createdAt);
        view.put("updatedAt", updatedAt);
        return view;
    }

    Document toDocument() {
        return new Document("_id", id).append("owner", owner).append("sinkUrl", sinkUrl).append("types", types)
                .append("campaignId", campaignId).append("aggregateId", aggregateId)
                .append("status", status.name()).append("reason", reason).append("failedPosition", failedPosition)
                .append("secret", secret).append("previousSecret", previousSecret)
                .append("previousSecretUntil", date(previousSecretUntil)).append("redeliverAfter", redeliverAfter)
                .append("startAfter", startAfter)
                .append("createdAt", date(createdAt)).append("updatedAt", date(updatedAt));
    }

    static Subscription of(Document d) {
        return new Subscription(d.getString("_id"), d.getString("owner"), d.getString("sinkUrl"),
                d.getList("types", String.class), d.getString("campaignId"), d.getString("aggregateId"),
                Status.valueOf(d.getString("status")), d.getString("reason"), d.getLong("failedPosition"),
                d.getString("secret"), d.getString("previousSecret"), instant(d.getDate("previousSecretUntil")),
                d.getLong("redeliverAfter"), d.getLong("startAfter"), instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

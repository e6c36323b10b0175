package vn.thidua.query.webhook;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions and their delivery log in MongoDB, beside the tracking tokens: not read models (nothing rebuilds
 * them; a replay never touches them). A subscription's own changes are journaled before they are answered. A
 * successful delivery's log entry is also its confirmation; entries are written in batches, at least every
 * {@value WebhookDispatcher#LOG_EVERY_MILLIS} ms (the embedded store's own commit interval is 100 ms, so writing each
 * alone would keep no more after a crash): a node that takes a subscription over resumes after the later of its
 * token and its last logged confirmation.
 */
public final class SubscriptionStore {

    public static final String SUBSCRIPTIONS = "webhook_subscriptions";
    public static final String DELIVERIES = "webhook_deliveries";

    /** One attempt to deliver one event. */
    public record Attempt(long position, String eventId, String type, int attempt, int status, String outcome,
                          long latencyMillis, String error, Instant at) {
    }

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> deliveries;

    public SubscriptionStore(MongoDatabase database) {
        // acknowledged means kept: a subscription's changes are journaled (MongoDB's journal, on a majority; the
        // embedded store forces its file) before the API answers
        this.subscriptions = database.getCollection(SUBSCRIPTIONS)
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.deliveries = database.getCollection(DELIVERIES);
    }

    void insert(Subscription subscription) {
        subscriptions.insertOne(subscription.toDocument());
    }

    public Optional<Subscription> find(String id) {
        Document found = subscriptions.find(Filters.eq("_id", id)).first();
        return Optional.ofNullable(found).map(Subscription::of);
    }

    /** Every subscription, or one owner's; oldest first. */
    public List<Subscription> list(String owner) {
        Bson filter = owner == null ? new Document() : Filters.eq("owner", owner);
        return subscriptions.find(filter).sort(Sorts.ascending("createdAt", "_id")).map(Subscription::of)
                .into(new ArrayList<>());
    }

    public long countOwnedBy(String owner) {
        return subscriptions.countDocuments(Filters.eq("owner", owner));
    }

    public List<String> idsWithStatus(Subscription.Status status) {
        return subscriptions.find(Filters.eq("status", status.name())).projection(new Document("_id", 1))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** Sets the status (and its reason and failed position, null to clear them). */
    void setStatus(String id, Subscription.Status status, String reason, Long failedPosition) {
        subscriptions.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", status.name()),
                Updates.set("reason", reason), Updates.set("failedPosition", failedPosition),
                Updates.set("updatedAt", new Date())));
    }

    /** Asks the node delivering the subscription to go back to just after {@code position}. */
    void requestRedelivery(String id, long position) {
        subscriptions.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("redeliverAfter", position),
                Updates.set("updatedAt", new Date())));
    }

    /** Clears a redelivery request once applied (unless another came meanwhile). */
    void redeliveryApplied(String id, long position) {
        subscriptions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("redeliverAfter", position)),
                Updates.set("redeliverAfter", null));
    }

    void rotateSecret(String id, String secret, String previous, Instant previousUntil) {
        subscriptions.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("secret", secret),
                Updates.set("previousSecret", previous), Updates.set("previousSecretUntil", Date.from(previousUntil)),
                Updates.set("updatedAt", new Date())));
    }

    void delete(String id) {
        subscriptions.deleteOne(Filters.eq("_id", id));
        deliveries.deleteMany(Filters.eq("subscriptionId", id));
    }

    /** Logs attempts, in the order made (one write). */
    void log(String subscriptionId, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>();
        for (Attempt attempt : attempts) {
            documents.add(new Document("_id", new ObjectId()).append("subscriptionId", subscriptionId)
                    .append("position", attempt.position()).append("eventId", attempt.eventId())
                    .append("type", attempt.type()).append("attempt", attempt.attempt())
                    .append("status", attempt.status()).append("outcome", attempt.outcome())
                    .append("latencyMillis", attempt.latencyMillis()).append("error", attempt.error())
                    .append("at", Date.from(attempt.at())));
        }
        deliveries.insertMany(documents);
    }

    /** The newest attempts first. */
    public List<Attempt> deliveries(String subscriptionId, int skip, int limit) {
        return deliveries.find(Filters.eq("subscriptionId", subscriptionId)).sort(Sorts.descending("_id"))
                .skip(skip).limit(limit).map(SubscriptionStore::attempt).into(new ArrayList<>());
    }

    /** The highest position confirmed (delivered) after {@code after}, if any. */
    Optional<Long> confirmedAfter(String subscriptionId, long after) {
        Document last = deliveries.find(Filters.and(Filters.eq("subscriptionId", subscriptionId),
                        Filters.eq("outcome", WebhookDispatcher.DELIVERED), Filters.gt("position", after)))
                .sort(Sorts.descending("position")).limit(1).first();
        return Optional.ofNullable(last).map(d -> d.getLong("position"));
    }

    /** Keeps the newest {@code keep} attempts of a subscription. */
    void prune(String subscriptionId, int keep) {
        Document oldestKept = deliveries.find(Filters.eq("subscriptionId", subscriptionId))
                .sort(Sorts.descending("_id")).skip(keep - 1).limit(1).first();
        if (oldestKept != null) {
            deliveries.deleteMany(Filters.and(Filters.eq("subscriptionId", subscriptionId),
                    Filters.lt("_id", oldestKept.getObjectId("_id"))));
        }
    }

    private static Attempt attempt(Document d) {
        return new Attempt(d.getLong("position"), d.getString("eventId"), d.getString("type"),
                d.getInteger("attempt"), d.getInteger("status"), d.getString("outcome"),
                d.getLong("latencyMillis"), d.getString("error"), d.getDate("at").toInstant());
    }
}

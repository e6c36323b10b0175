package vn.thidua.query.webhook;

import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.common.Role;
import vn.thidua.projections.TokenPositions;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.feed.FeedFilter;
import vn.thidua.query.feed.FeedRequests;
import vn.thidua.service.security.Actor;
import vn.thidua.service.security.Allowed;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.INTEGRATION;

/**
 * Webhook subscriptions: an integration service manages its own, an administrator sees and manages all. The secret
 * is shown once, when it is made (creation, rotation), and never again. A subscription of someone else's answers
 * 404, as one that does not exist.
 */
@RestController
@RequestMapping("/api/subscriptions")
@Allowed({INTEGRATION, ADMIN})
public class SubscriptionController {

    /** A new subscription: where, which events, and from where (after a position, since an instant, or the start). */
    public record NewSubscription(String sinkUrl, List<String> types, String campaignId, String aggregateId,
                                  Long after, String since) {
    }

    /** Go back: deliver again every event after {@code after}. */
    public record Redelivery(Long after) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final WebhookDispatcher dispatcher;
    private final SinkPolicy sinks;
    private final EventLog log;
    private final WebhookProperties properties;
    private final MongoDatabase database;
    private final Serializer serializer;
    private final Clock clock;

    public SubscriptionController(SubscriptionStore store, WebhookDispatcher dispatcher, SinkPolicy sinks,
                                  EventLog log, WebhookProperties properties, MongoDatabase database,
                                  @Qualifier("serializer") Serializer serializer, Clock webhookClock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.sinks = sinks;
        this.log = log;
        this.properties = properties;
        this.database = database;
        this.serializer = serializer;
        this.clock = webhookClock;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewSubscription request) {
        if (request == null) {
            throw new QueryExceptions.InvalidParameter("sinkUrl", "Cần nội dung yêu cầu");
        }
        String url;
        try {
            url = sinks.check(request.sinkUrl()).toString();
        } catch (SinkPolicy.Refused refused) {
            throw new QueryExceptions.InvalidParameter("sinkUrl", refused.getMessage());
        }
        FeedFilter filter = FeedRequests.filter(request.types(), request.campaignId(), request.aggregateId());
        List<String> types = filter.types().stream().sorted().toList();
        String campaignId = filter.campaignId();
        String aggregateId = filter.aggregateId();
        long after = start(request.after(), request.since());
        Actor actor = Actor.current();
        if (store.countOwnedBy(actor.id()) >= properties.maxPerOwner()) {
            throw new QueryExceptions.InvalidParameter("sinkUrl", "Mỗi tài khoản có tối đa "
                    + properties.maxPerOwner() + " đăng ký nhận sự kiện");
        }
        Instant now = clock.instant();
        String secret = newSecret();
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), actor.id(), url, types,
                campaignId, aggregateId, Subscription.Status.ACTIVE, null, null, secret, null, null, null, after,
                now, now);
        store.insert(subscription); // journaled: a 201 is kept
        dispatcher.initialize(subscription.id(), after); // (a token lost in a crash is made again from startAfter)
        Map<String, Object> body = new LinkedHashMap<>(subscription.view(after));
        body.put("secret", secret);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/subscriptions/"
                + subscription.id()).body(body);
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        Actor actor = Actor.current();
        List<Map<String, Object>> views = new ArrayList<>();
        for (Subscription s : store.list(actor.role() == Role.ADMIN ? null : actor.id())) {
            views.add(s.view(position(s.id())));
        }
        return views;
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        Subscription s = visible(id);
        return s.view(position(s.id()));
    }

    @PostMapping("/{id}/pause")
    public Map<String, Object> pause(@PathVariable String id) {
        Subscription s = visible(id);
        store.setStatus(id, Subscription.Status.PAUSED, null, s.failedPosition());
        return get(id);
    }

    /** Resumes a paused, parked or disabled subscription where it stopped (a failed event is sent again). */
    @PostMapping("/{id}/resume")
    public Map<String, Object> resume(@PathVariable String id) {
        visible(id);
        store.setStatus(id, Subscription.Status.ACTIVE, null, null);
        return get(id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        visible(id);
        store.delete(id);
        dispatcher.removeToken(id);
        return ResponseEntity.noContent().build();
    }

    /** A new secret; the old one keeps signing beside it for {@code thidua.webhooks.secret-overlap}. */
    @PostMapping("/{id}/secret")
    public Map<String, Object> rotateSecret(@PathVariable String id) {
        Subscription s = visible(id);
        String secret = newSecret();
        Instant until = clock.instant().plus(properties.secretOverlap());
        store.rotateSecret(id, secret, s.secret(), until);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secret", secret);
        body.put("previousSecretValidUntil", until);
        return body;
    }

    @GetMapping("/{id}/deliveries")
    public List<SubscriptionStore.Attempt> deliveries(@PathVariable String id,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        visible(id);
        int p = page == null ? 0 : page;
        int n = size == null ? 50 : size;
        if (p < 0 || p > 10_000 || n < 1 || n > 200) {
            throw new QueryExceptions.InvalidParameter("size", "page từ 0 đến 10000, size từ 1 đến 200");
        }
        return store.deliveries(id, p * n, n);
    }

    /** Delivers again every event after {@code after} (the node delivering the subscription goes back). */
    @PostMapping("/{id}/redeliveries")
    public ResponseEntity<Map<String, Object>> redeliver(@PathVariable String id,
                                                         @RequestBody Redelivery request) {
        visible(id);
        if (request == null || request.after() == null || request.after() < -1) {
            throw new QueryExceptions.InvalidParameter("after", "Cần vị trí after (số nguyên từ -1)");
        }
        store.requestRedelivery(id, Math.max(request.after(), log.beginning()));
        return ResponseEntity.accepted().body(Map.of("id", id, "redeliverAfter", request.after()));
    }

    private Subscription visible(String id) {
        QueryParameters.text("id", id);
        Actor actor = Actor.current();
        return store.find(id).filter(s -> actor.role() == Role.ADMIN || s.owner().equals(actor.id()))
                .orElseThrow(() -> new QueryExceptions.NotFound("đăng ký nhận sự kiện", id));
    }

    private long position(String id) {
        var segments = TokenPositions.of(database, serializer, WebhookDispatcher.processorName(id));
        return segments.isEmpty() ? log.beginning() : segments.values().iterator().next().position();
    }

    private long start(Long after, String since) {
        if (after != null && since != null) {
            throw new QueryExceptions.InvalidParameter("after", "Chỉ dùng một trong hai: after hoặc since");
        }
        if (after != null) {
            if (after < -1) {
                throw new QueryExceptions.InvalidParameter("after", "after là vị trí sự kiện, từ -1");
            }
            return Math.max(after, log.beginning());
        }
        if (since != null) {
            return FeedRequests.since(log, since);
        }
        return log.beginning();
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}

package vn.thidua.query.webhook;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;
import vn.thidua.query.health.DeadLetterHealth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code webhooks}: how many subscriptions are active, paused, parked and disabled, which ones this node delivers,
 * and each parked or disabled one with its reason and failed position. {@code WARN} (HTTP 200) while one is parked:
 * an integration is not receiving events and someone must look.
 */
@Component("webhooks")
public class WebhookHealth extends AbstractHealthIndicator {

    private final SubscriptionStore store;
    private final WebhookDispatcher dispatcher;

    public WebhookHealth(SubscriptionStore store, WebhookDispatcher dispatcher) {
        super("Webhook subscriptions unavailable");
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Subscription> all = store.list(null);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Subscription.Status status : Subscription.Status.values()) {
            counts.put(status.name().toLowerCase(), all.stream().filter(s -> s.status() == status).count());
        }
        builder.withDetail("subscriptions", counts);
        builder.withDetail("deliveringHere", dispatcher.runningHere().keySet());
        Map<String, Object> stopped = new LinkedHashMap<>();
        for (Subscription s : all) {
            if (s.status() == Subscription.Status.PARKED || s.status() == Subscription.Status.DISABLED) {
                stopped.put(s.id(), Map.of("status", s.status(), "reason", String.valueOf(s.reason()),
                        "failedPosition", String.valueOf(s.failedPosition()), "owner", s.owner()));
            }
        }
        if (!stopped.isEmpty()) {
            builder.withDetail("stopped", stopped);
        }
        builder.status(counts.get("parked") > 0 ? DeadLetterHealth.WARN : Status.UP);
    }
}

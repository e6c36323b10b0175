package vn.thidua.query.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code thidua.webhooks}: how many subscriptions this node delivers at once ({@code workers}, 32: each active
 * subscription this node holds keeps one thread, mostly asleep; more wait for a free one here or another node), how
 * long a failing delivery is retried before the subscription is parked ({@code retry-horizon}), the backoff between
 * attempts (doubling from {@code initial-backoff} up to {@code max-backoff}, with jitter), the HTTP timeouts, the
 * hosts a sink may name although they resolve to private, loopback or link-local addresses ({@code allowed-hosts}:
 * host names or literal addresses, empty by default), how many subscriptions one integration may hold, how many
 * delivery attempts are kept per subscription, and how long a rotated secret still signs beside the new one.
 */
@ConfigurationProperties("thidua.webhooks")
public record WebhookProperties(Integer workers, Duration retryHorizon, Duration initialBackoff, Duration maxBackoff,
                                Duration connectTimeout, Duration requestTimeout, List<String> allowedHosts,
                                Integer maxPerOwner, Integer logRetention, Duration secretOverlap,
                                Duration claimCheck) {

    public WebhookProperties {
        workers = workers == null ? 32 : workers;
        retryHorizon = retryHorizon == null ? Duration.ofHours(24) : retryHorizon;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        maxPerOwner = maxPerOwner == null ? 20 : maxPerOwner;
        logRetention = logRetention == null ? 1000 : logRetention;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        claimCheck = claimCheck == null ? Duration.ofSeconds(1) : claimCheck;
    }
}

package vn.thidua.query.webhook;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.thidua.query.feed.CloudEvents;
import vn.thidua.query.feed.EventFeed;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.feed.HeadWatcher;
import vn.thidua.query.feed.StoredEvent;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Delivers each active subscription's events to its sink, on whichever node holds the claim on the subscription's
 * token (Axon's token store, the one the processors share: processor {@code webhook:<id>}, segment 0), so exactly one
 * node delivers a subscription at a time and another takes it over when the claim lapses.
 * <p>
 * Per subscription, events go one at a time in position order, each as a structured CloudEvent signed by Standard
 * Webhooks ({@code webhook-id} = the event id, the same on every retry; {@code webhook-timestamp};
 * {@code webhook-signature}, two signatures while a rotated secret overlaps). A 2xx confirms the event; its log
 * entry is written with the others of the last {@value #LOG_EVERY_MILLIS} ms, and always before the token moves past
 * it. A 410 disables the subscription. Anything else is retried with
 * exponential backoff and jitter, or after the {@code Retry-After} of a 429 or 503, until the retry horizon, when the
 * subscription is parked with the reason and the failed position. The token is stored at least once a second; after
 * a crash, the next claimer resumes after the later of the token and the last confirmed delivery, so at most the
 * event in flight is sent again, with the same id.
 * <p>
 * The exchanges go through Apache HttpClient's classic client, which writes the request and reads the answer on the
 * delivering thread itself. The JDK's {@code HttpClient} hands every exchange to its selector thread and back
 * through futures: with one exchange in flight per subscription, those hand-offs were most of a delivery's time
 * (measured on loopback, one sender, 900-byte bodies: 2,150 exchanges/s with the JDK client, 5,050 with the classic
 * one). A request is cancelled at {@code request-timeout} (the connection is then closed), and an answer's body is
 * read up to {@value #MAX_ANSWER_BYTES} bytes: a sink that keeps sending holds no worker.
 */
public class WebhookDispatcher implements SmartLifecycle {

    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String GONE = "GONE";
    static final String REFUSED = "REFUSED";

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 500;
    static final long LOG_EVERY_MILLIS = 100;
    private static final Duration TOKEN_EVERY = Duration.ofSeconds(1);
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final ContentType CLOUD_EVENT = ContentType.create(CloudEvents.CONTENT_TYPE, StandardCharsets.UTF_8);

    private final SubscriptionStore store;
    private final TokenStore tokens;
    private final EventFeed feed;
    private final HeadWatcher head;
    private final CloudEvents cloudEvents;
    private final SinkPolicy sinks;
    private final WebhookProperties properties;
    private final Clock clock;
    /** Made at start, closed at stop (its pool keeps connections and a thread that closes idle ones). */
    private CloseableHttpClient http;
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    /** Cancels requests that outlive {@code request-timeout}. */
    private ScheduledExecutorService timeouts;
    private ExecutorService workers;
    private volatile boolean stopping;

    public WebhookDispatcher(SubscriptionStore store, TokenStore tokens, EventFeed feed, HeadWatcher head,
                             CloudEvents cloudEvents, SinkPolicy sinks, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.feed = feed;
        this.head = head;
        this.cloudEvents = cloudEvents;
        this.sinks = sinks;
        this.properties = properties;
        this.clock = clock;
    }

    private CloseableHttpClient httpClient() {
        Timeout request = Timeout.of(properties.requestTimeout());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(request).build())
                        .setMaxConnPerRoute(properties.workers()).setMaxConnTotal(properties.workers()).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(request).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("thidua-webhooks/1").build();
    }

    /** The Axon processor name of a subscription's token. */
    public static String processorName(String subscriptionId) {
        return "webhook:" + subscriptionId;
    }

    /** The position a claimed token holds ({@link EventLog#beginning()} when it holds none). */
    private long position(TrackingToken token) {
        return token == null ? feed.log().beginning() : token.position().orElse(feed.log().beginning());
    }

    /** Creates the token of a new subscription, starting after {@code after}, unless it exists. */
    void initialize(String subscriptionId, long after) {
        if (tokens.fetchSegments(processorName(subscriptionId)).length > 0) {
            return;
        }
        try {
            tokens.initializeSegment(new GlobalSequenceTrackingToken(after), processorName(subscriptionId), 0);
        } catch (UnableToInitializeTokenException madeMeanwhile) {
            // another node made it
        }
    }

    /** Removes a deleted subscription's token, when no other node holds it (the holder removes it then). */
    void removeToken(String subscriptionId) {
        if (running.containsKey(subscriptionId)) {
            return; // its worker sees the subscription gone and removes the token itself
        }
        try {
            tokens.fetchToken(processorName(subscriptionId), 0);
            tokens.deleteToken(processorName(subscriptionId), 0);
        } catch (UnableToClaimTokenException heldElsewhere) {
            // the node delivering it removes it when it sees the subscription gone
        }
    }

    /** Subscriptions this node is delivering now. */
    public Map<String, Boolean> runningHere() {
        return Map.copyOf(running);
    }

    @Override
    public void start() {
        stopping = false;
        http = httpClient();
        workers = Executors.newFixedThreadPool(properties.workers(), r -> daemon(r, "webhook-worker"));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-claims"));
        timeouts = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-timeouts"));
        long every = properties.claimCheck().toMillis();
        scheduler.scheduleWithFixedDelay(this::claimFree, every, every, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void stop() {
        stopping = true;
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timeouts.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /** Claims active subscriptions nobody delivers, while this node has a worker free. */
    void claimFree() {
        try {
            for (String id : store.idsWithStatus(Subscription.Status.ACTIVE)) {
                if (stopping || running.size() >= properties.workers()) {
                    return;
                }
                if (running.containsKey(id)) {
                    continue;
                }
                TrackingToken token;
                try {
                    token = tokens.fetchToken(processorName(id), 0);
                } catch (UnableToClaimTokenException heldOrMissing) {
                    // a token lost in a crash after its subscription was kept is made again where it started
                    store.find(id).ifPresent(s -> initialize(id, s.startAfter()));
                    continue;
                }
                running.put(id, Boolean.TRUE);
                long after = position(token);
                workers.submit(() -> deliverWhileClaimed(id, after));
            }
        } catch (RuntimeException e) {
            log.warn("webhook claims: {}", e.toString());
        }
    }

    private void deliverWhileClaimed(String id, long tokenPosition) {
        String name = processorName(id);
        try {
            long cursor = Math.max(tokenPosition, store.confirmedAfter(id, tokenPosition).orElse(tokenPosition));
            Delivery delivery = new Delivery(id, cursor);
            try {
                delivery.run();
            } finally {
                delivery.flushLog(); // what was confirmed is logged before the claim goes
            }
        } catch (UnableToClaimTokenException lost) {
            log.info("webhook {}: claim taken over by another node", id);
        } catch (RuntimeException e) {
            log.warn("webhook {}: delivery stopped by {}", id, e.toString(), e);
        } finally {
            running.remove(id);
            try {
                if (store.find(id).isEmpty()) {
                    tokens.deleteToken(name, 0);
                } else {
                    tokens.releaseClaim(name, 0);
                }
            } catch (RuntimeException ignored) {
                // another node holds it already, or the store is away: the claim lapses by itself
            }
        }
    }

    /** One subscription's deliveries while this node holds its claim. */
    private final class Delivery {

        private final String id;
        private final String name;
        private long cursor;
        private long tokenStoredAt;
        private int sinceLastPrune;
        private final List<SubscriptionStore.Attempt> unlogged = new ArrayList<>();
        private long loggedAt;
        /** Each secret decoded and keyed once (at most two sign at a time: a rotated one beside the new). */
        private final Map<String, Signer> signers = new HashMap<>();

        Delivery(String id, long cursor) {
            this.id = id;
            this.name = processorName(id);
            this.cursor = cursor;
        }

        void run() {
            storeToken();
            while (!stopping) {
                Optional<Subscription> found = store.find(id);
                if (found.isEmpty() || found.get().status() != Subscription.Status.ACTIVE) {
                    storeToken();
                    return;
                }
                Subscription subscription = found.get();
                if (subscription.redeliverAfter() != null) {
                    cursor = subscription.redeliverAfter();
                    storeToken();
                    store.redeliveryApplied(id, subscription.redeliverAfter());
                    continue;
                }
                EventFeed.Page page = feed.read(cursor, subscription.filter(), BATCH);
                for (StoredEvent event : page.events()) {
                    if (!deliver(subscription, event)) {
                        return;
                    }
                    cursor = event.position();
                    tokenIfDue();
                }
                cursor = Math.max(cursor, page.next());
                tokenIfDue();
                if (page.events().isEmpty()) {
                    flushLog();
                    try {
                        head.awaitBeyond(cursor, Duration.ofSeconds(1));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            storeToken();
        }

        private void tokenIfDue() {
            if (clock.millis() - tokenStoredAt >= TOKEN_EVERY.toMillis()) {
                storeToken();
            }
        }

        private void storeToken() {
            flushLog(); // the confirmations first: the token never runs ahead of what the log shows
            tokens.storeToken(new GlobalSequenceTrackingToken(cursor), name, 0); // also renews the claim
            tokenStoredAt = clock.millis();
        }

        private void log(SubscriptionStore.Attempt attempt) {
            unlogged.add(attempt);
            if (unlogged.size() >= BATCH || clock.millis() - loggedAt >= LOG_EVERY_MILLIS) {
                flushLog();
            }
        }

        private void flushLog() {
            if (!unlogged.isEmpty()) {
                store.log(id, unlogged);
                sinceLastPrune += unlogged.size();
                unlogged.clear();
            }
            loggedAt = clock.millis();
            if (sinceLastPrune >= properties.logRetention()) {
                store.prune(id, properties.logRetention());
                sinceLastPrune = 0;
            }
        }

        /** Delivers one event, retrying until confirmed; false when the subscription stops here. */
        private boolean deliver(Subscription subscription, StoredEvent event) {
            byte[] body = cloudEvents.structured(event);
            Instant firstFailure = null;
            for (int attempt = 1; !stopping; attempt++) {
                Instant now = clock.instant();
                if (signers.size() > 4) {
                    signers.clear(); // secrets rotated away meanwhile
                }
                Result result = send(subscription, event, body, now, signers);
                log(new SubscriptionStore.Attempt(event.position(), event.eventId(), event.name(), attempt,
                        result.status(), result.outcome(), result.millis(), result.error(), now));
                switch (result.outcome()) {
                    case DELIVERED -> {
                        return true;
                    }
                    case GONE -> {
                        flushLog();
                        store.setStatus(id, Subscription.Status.DISABLED, "Địa chỉ nhận trả lời 410 Gone ở sự kiện "
                                + event.position(), event.position());
                        return false;
                    }
                    default -> {
                    }
                }
                firstFailure = firstFailure == null ? now : firstFailure;
                Duration wait = result.retryAfter() != null ? result.retryAfter() : backoff(attempt);
                Instant horizon = firstFailure.plus(properties.retryHorizon());
                if (!now.plus(wait).isBefore(horizon)) {
                    flushLog();
                    store.setStatus(id, Subscription.Status.PARKED, "Gửi sự kiện " + event.position()
                            + " không thành công sau " + attempt + " lần trong " + properties.retryHorizon()
                            + ": " + result.describe(), event.position());
                    return false;
                }
                if (!pause(wait)) {
                    return false;
                }
                Optional<Subscription> now2 = store.find(id);
                if (now2.isEmpty() || now2.get().status() != Subscription.Status.ACTIVE
                        || now2.get().redeliverAfter() != null) {
                    return false; // paused, deleted or sent elsewhere meanwhile: the loop above decides
                }
                subscription = now2.get();
            }
            return false;
        }

        /** Waits, renewing the claim; false when stopping. */
        private boolean pause(Duration wait) {
            flushLog(); // the failed attempt shows in the log while waiting
            long until = clock.millis() + wait.toMillis();
            while (!stopping) {
                long left = until - clock.millis();
                if (left <= 0) {
                    return true;
                }
                try {
                    Thread.sleep(Math.min(left, 500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                tokenIfDue();
            }
            return false;
        }
    }

    private Duration backoff(int attempt) {
        double base = properties.initialBackoff().toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(base, properties.maxBackoff().toMillis());
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.5, 1.0)));
    }

    /** What one attempt gave. */
    record Result(int status, String outcome, long millis, String error, Duration retryAfter) {
        String describe() {
            return status > 0 ? "HTTP " + status : error;
        }
    }

    /** @param signers this delivery's signers by secret (its thread's own) */
    private Result send(Subscription subscription, StoredEvent event, byte[] body, Instant now,
                        Map<String, Signer> signers) {
        URI sink;
        try {
            sink = sinks.check(subscription.sinkUrl());
        } catch (SinkPolicy.Refused refused) {
            return new Result(0, REFUSED, 0, refused.getMessage(), null);
        }
        long seconds = now.getEpochSecond();
        String signature;
        try {
            signature = subscription.signingSecrets(now).stream().map(secret -> signers.computeIfAbsent(secret,
                    Signer::new).sign(event.eventId(), seconds, body)).collect(Collectors.joining(" "));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Result(0, FAILED, 0, "signing failed: " + e.getMessage(), null);
        }
        HttpPost request = new HttpPost(sink);
        request.setHeader("webhook-id", event.eventId());
        request.setHeader("webhook-timestamp", Long.toString(seconds));
        request.setHeader("webhook-signature", signature);
        request.setEntity(new ByteArrayEntity(body, CLOUD_EVENT));
        long start = System.nanoTime();
        ScheduledFuture<?> timeout = timeouts.schedule(request::cancel, properties.requestTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            readAtMost(response.getEntity());
            long millis = (System.nanoTime() - start) / 1_000_000;
            int status = response.getCode();
            if (status / 100 == 2) {
                return new Result(status, DELIVERED, millis, null, null);
            }
            if (status == 410) {
                return new Result(status, GONE, millis, null, null);
            }
            Header retryAfter = status == 429 || status == 503 ? response.getFirstHeader("Retry-After") : null;
            return new Result(status, FAILED, millis, null,
                    retryAfter == null ? null : retryAfter(retryAfter.getValue(), now));
        } catch (IOException e) {
            String error = request.isCancelled() ? "no answer within " + properties.requestTimeout() : e.toString();
            return new Result(0, FAILED, (System.nanoTime() - start) / 1_000_000, error, null);
        } finally {
            timeout.cancel(false);
        }
    }

    /**
     * Reads an answer's body up to {@value #MAX_ANSWER_BYTES} bytes: to its end, the connection serves the next
     * delivery; a longer one is left unread, and closing the answer closes its connection.
     */
    private static void readAtMost(HttpEntity entity) throws IOException {
        InputStream in = entity == null ? null : entity.getContent();
        if (in != null && in.readNBytes(MAX_ANSWER_BYTES).length == MAX_ANSWER_BYTES) {
            in.read();
        }
    }

    /** {@code Retry-After}: seconds or an HTTP date; unreadable or negative is ignored (the backoff applies). */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}

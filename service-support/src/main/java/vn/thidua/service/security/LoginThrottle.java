package vn.thidua.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.thidua.service.web.DeniedAccessLog;
import vn.thidua.service.web.ProblemWriter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Throttles guessing: every failed login (credentials sent, 401 answered) takes a token from the bucket of the user
 * name it claimed and from the bucket of the client address (Bucket4j token buckets, refilled over time). While either
 * is empty, requests with credentials for that user or from that address answer 429 {@code too-many-attempts} with
 * {@code Retry-After}, before the password is even checked (the web pages' login form: sent back to the form with
 * {@code ?throttled}). Buckets live in a bounded Caffeine cache, so a flood of
 * invented user names cannot exhaust memory.
 */
public class LoginThrottle extends OncePerRequestFilter {

    /** Failed logins allowed per user name before throttling, refilled over {@link #WINDOW}. */
    public static final int FAILURES_PER_USER = 10;
    /** Failed logins allowed per client address, refilled over {@link #WINDOW}. */
    public static final int FAILURES_PER_ADDRESS = 50;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_TRACKED_KEYS = 100_000;
    /** Where the web pages' login form posts. */
    public static final String FORM_LOGIN = "/login";

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_KEYS).expireAfterAccess(WINDOW.multipliedBy(2)).build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the web pages' form login posts its credentials to FORM_LOGIN and is sent back to it with ?error on failure
        boolean form = "POST".equals(request.getMethod()) && FORM_LOGIN.equals(request.getServletPath());
        boolean credentials = form || request.getHeader("Authorization") != null;
        if (!credentials) {
            chain.doFilter(request, response);
            return;
        }
        String user = form ? request.getParameter("username") : DeniedAccessLog.claimedUser(request);
        Bucket userBucket = user == null ? null : bucket("user:" + user, FAILURES_PER_USER);
        Bucket addressBucket = bucket("address:" + request.getRemoteAddr(), FAILURES_PER_ADDRESS);
        long wait = Math.max(waitNanos(userBucket), waitNanos(addressBucket));
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1)));
            if (form) {
                response.sendRedirect(request.getContextPath() + FORM_LOGIN + "?throttled");
                return;
            }
            ProblemWriter.write(response, 429, "too-many-attempts",
                    "Đăng nhập sai quá nhiều lần; hãy thử lại sau ít phút");
            return;
        }
        chain.doFilter(request, response);
        String location = response.getHeader("Location");
        if (response.getStatus() == 401 || form && location != null && location.contains(FORM_LOGIN + "?error")) {
            if (userBucket != null) {
                userBucket.tryConsume(1);
            }
            addressBucket.tryConsume(1);
        }
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build()).build());
    }

    /** 0 while the bucket still has a token, else how long until it has one. */
    private static long waitNanos(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }
}

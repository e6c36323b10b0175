package vn.thidua.query.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code thidua.feed}: the CloudEvents {@code source} of this platform, the URL clients reach this service at (the
 * {@code dataschema} links point there), how long a gap in the positions may hold the feed back ({@link Gaps}), the
 * largest page and how many events a page may examine, and the live stream's limits: concurrent streams, events per
 * write, the heartbeat while idle, the reconnection delay it advises, and the socket send buffer of this service's
 * connections (unset: the operating system's; a slow reader holds at most that much in the kernel, besides one write
 * in the JVM).
 */
@ConfigurationProperties("thidua.feed")
public record FeedProperties(String source, String publicUrl, Duration gapTimeout, Integer maxPage,
                             Integer scanLimit, Integer maxStreams, Integer streamBatch, Duration heartbeat,
                             Duration retry, Integer socketSendBuffer) {

    public FeedProperties {
        source = source == null || source.isBlank() ? "/thidua" : source;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8082" : publicUrl;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        maxPage = maxPage == null ? 1000 : maxPage;
        scanLimit = scanLimit == null ? 10_000 : scanLimit;
        maxStreams = maxStreams == null ? 32 : maxStreams;
        streamBatch = streamBatch == null ? 100 : streamBatch;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        retry = retry == null ? Duration.ofSeconds(5) : retry;
    }
}

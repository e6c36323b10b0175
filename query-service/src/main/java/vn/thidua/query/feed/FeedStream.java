package vn.thidua.query.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.service.security.Allowed;
import vn.thidua.service.web.ProblemWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.INTEGRATION;

/**
 * The live stream: {@code GET /api/events/stream}, Server-Sent Events with the feed's filters. Each event is one SSE
 * event whose {@code id} is its position and whose {@code data} is the structured CloudEvent on one line; a client
 * reconnecting with {@code Last-Event-ID} resumes right after it (the header wins over {@code after} and
 * {@code since}). While nothing arrives, a comment every heartbeat keeps the connection open, with an {@code id}-only
 * event when the filter has moved the cursor past events it left out, so a reconnection does not scan them again.
 * <p>
 * Each stream is written by its own request thread, a batch at a time with blocking writes, so a client that stops
 * reading holds one batch in this process (and the socket's buffers in the kernel): when its socket stays full for
 * the server's connection timeout ({@code server.tomcat.connection-timeout}) the write fails and the stream ends. At
 * most {@code thidua.feed.max-streams} streams at once; one more is answered 503 with {@code Retry-After}.
 */
@RestController
public class FeedStream {

    private static final Logger log = LoggerFactory.getLogger(FeedStream.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
    private static final Duration HELD_BACK_PAUSE = Duration.ofMillis(100);

    private final EventFeed feed;
    private final CloudEvents cloudEvents;
    private final HeadWatcher head;
    private final FeedProperties properties;
    private final Semaphore slots;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean stopping;

    public FeedStream(EventFeed feed, CloudEvents cloudEvents, HeadWatcher head, FeedProperties properties,
                      MeterRegistry meters) {
        this.feed = feed;
        this.cloudEvents = cloudEvents;
        this.head = head;
        this.properties = properties;
        this.slots = new Semaphore(properties.maxStreams());
        Gauge.builder("thidua.feed.streams", open, AtomicInteger::get)
                .description("live event streams open on this node").register(meters);
    }

    /** How many live streams this node is writing now. */
    public int open() {
        return open.get();
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    @GetMapping(value = "/api/events/stream", produces = "text/event-stream")
    @Allowed({INTEGRATION, ADMIN})
    public void stream(@RequestParam(required = false) String after,
                       @RequestParam(required = false) String since,
                       @RequestParam(required = false) List<String> types,
                       @RequestParam(required = false) String campaignId,
                       @RequestParam(required = false) String aggregateId,
                       @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                       HttpServletResponse response) throws IOException {
        FeedFilter filter = FeedRequests.filter(types, campaignId, aggregateId);
        long cursor = lastEventId != null ? FeedRequests.position("Last-Event-ID", lastEventId)
                : FeedRequests.cursor(feed.log(), after, since);
        if (!slots.tryAcquire()) {
            response.setHeader("Retry-After", Long.toString(properties.retry().toSeconds()));
            ProblemWriter.write(response, 503, "too-many-streams", "Đã đủ " + properties.maxStreams()
                    + " luồng sự kiện đang mở; hãy thử lại sau");
            return;
        }
        open.incrementAndGet();
        try {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            write(response.getOutputStream(), cursor, filter);
        } catch (IOException gone) {
            // the client went away, or did not read for the connection timeout: the stream ends here
            log.debug("event stream ended: {}", gone.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
            slots.release();
        }
    }

    private void write(ServletOutputStream out, long cursor, FeedFilter filter)
            throws IOException, InterruptedException {
        send(out, "retry: " + properties.retry().toMillis() + "\n\n");
        long announced = cursor;
        long lastWrite = System.currentTimeMillis();
        long heartbeat = properties.heartbeat().toMillis();
        while (!stopping) {
            EventFeed.Page page = feed.read(cursor, filter, properties.streamBatch());
            long before = cursor;
            cursor = Math.max(cursor, page.next());
            if (!page.events().isEmpty()) {
                StringBuilder batch = new StringBuilder();
                for (StoredEvent event : page.events()) {
                    batch.append("id: ").append(event.position()).append("\ndata: ")
                            .append(new String(cloudEvents.structured(event), StandardCharsets.UTF_8))
                            .append("\n\n");
                    announced = event.position();
                }
                send(out, batch.toString());
                lastWrite = System.currentTimeMillis();
                continue;
            }
            if (System.currentTimeMillis() - lastWrite >= heartbeat) {
                String idOnly = cursor > announced ? "id: " + cursor + "\n\n" : "";
                send(out, idOnly + ": heartbeat\n\n");
                announced = cursor;
                lastWrite = System.currentTimeMillis();
            }
            if (cursor == before && page.head() > cursor) {
                Thread.sleep(HELD_BACK_PAUSE.toMillis()); // held back below a gap: look again shortly
            } else if (cursor >= page.head()) {
                long untilBeat = Math.max(1, heartbeat - (System.currentTimeMillis() - lastWrite));
                head.awaitBeyond(cursor, Duration.ofMillis(Math.min(untilBeat, LONGEST_WAIT.toMillis())));
            }
        }
    }

    private static void send(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

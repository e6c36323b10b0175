package vn.thidua.query.web;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.thidua.domain.common.Limits;
import vn.thidua.projections.ProgressSignal;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.View;
import vn.thidua.query.dashboard.Freshness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live pages: an open page listens here (Server-Sent Events, {@code /web/live?campaign=<id>}, or every campaign
 * without it) and hears {@code changed} when what it shows has changed, then asks for its changing part again.
 * <p>
 * One thread serves every open page: it wakes when a batch of this node's read models is written
 * ({@link ProgressSignal}), and at least every second for the batches of other nodes, reads the positions of the
 * campaigns being watched in one query and tells the pages whose campaign moved; a page hears at most one
 * {@code changed} per {@value #THROTTLE_MILLIS} ms, so a burst of commands costs it one refresh a second, and a change
 * reaches it within about a second and a half. Open streams are bounded per node ({@value #MAX_STREAMS}).
 */
@Controller
public class LivePages {

    private static final Logger log = LoggerFactory.getLogger(LivePages.class);

    static final long THROTTLE_MILLIS = 1_000;
    static final int MAX_STREAMS = 500;
    private static final long STREAM_TIMEOUT_MILLIS = 30 * 60_000L;
    /** What a page watching every campaign watches. */
    private static final String ALL = "";

    private record Watcher(String campaignId, long[] lastSeen, long[] lastSent) {
    }

    private final Map<SseEmitter, Watcher> watchers = new ConcurrentHashMap<>();
    private final MongoDatabase database;
    private final ProgressSignal signal;
    private final Freshness freshness;
    private final Thread thread;
    private volatile boolean running = true;

    public LivePages(MongoDatabase database, ProgressSignal signal, Freshness freshness) {
        this.database = database;
        this.signal = signal;
        this.freshness = freshness;
        this.thread = new Thread(this::run, "live-pages");
        thread.setDaemon(true);
        thread.start();
    }

    @GetMapping(value = "/web/live", produces = "text/event-stream")
    public SseEmitter live(@RequestParam(required = false) String campaign) {
        if (campaign != null && !Limits.ID.matcher(campaign).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "campaign");
        }
        if (watchers.size() >= MAX_STREAMS) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "too many live pages");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
        String watched = campaign == null ? ALL : campaign;
        Watcher watcher = new Watcher(watched, new long[] {position(List.of(watched)).getOrDefault(watched, -1L)},
                new long[] {0});
        emitter.onCompletion(() -> watchers.remove(emitter));
        emitter.onTimeout(() -> watchers.remove(emitter));
        emitter.onError(e -> watchers.remove(emitter));
        watchers.put(emitter, watcher);
        try {
            // sent at once, so that the stream's headers reach the browser now (its EventSource opens) and it knows
            // how soon to reconnect after a restart
            emitter.send(SseEmitter.event().comment("live").reconnectTime(2_000));
        } catch (IOException gone) {
            watchers.remove(emitter);
        }
        return emitter;
    }

    private void run() {
        while (running) {
            try {
                long seen = signal.count();
                signal.awaitAfter(seen, THROTTLE_MILLIS);
                if (!watchers.isEmpty()) {
                    tell();
                }
                Thread.sleep(THROTTLE_MILLIS / 4); // batches that follow each other closely: one look
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Live pages: could not read the positions ({})", e.toString());
            }
        }
    }

    private void tell() {
        List<String> watched = watchers.values().stream().map(Watcher::campaignId).distinct().toList();
        Map<String, Long> positions = position(watched);
        long now = System.currentTimeMillis();
        watchers.forEach((emitter, watcher) -> {
            long at = positions.getOrDefault(watcher.campaignId(), -1L);
            if (at > watcher.lastSeen()[0] && now - watcher.lastSent()[0] >= THROTTLE_MILLIS) {
                try {
                    emitter.send(SseEmitter.event().name("changed").data(Long.toString(at)));
                    watcher.lastSeen()[0] = at;
                    watcher.lastSent()[0] = now;
                } catch (IOException | IllegalStateException gone) {
                    watchers.remove(emitter);
                }
            }
        });
    }

    /** Each watched campaign's position (its document's), and for {@link #ALL} the read models' position. */
    private Map<String, Long> position(List<String> watched) {
        Map<String, Long> positions = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (String id : watched) {
            if (id.equals(ALL)) {
                positions.put(ALL, freshness.now().position());
            } else {
                ids.add(id);
            }
        }
        if (!ids.isEmpty()) {
            for (int from = 0; from < ids.size(); from += 100) {
                for (Document d : database.getCollection(ReadModels.CAMPAIGNS)
                        .find(Filters.in(View.ID, ids.subList(from, Math.min(ids.size(), from + 100))))
                        .projection(Projections.include(View.POSITION))) {
                    positions.put(d.getString(View.ID), ((Number) d.get(View.POSITION)).longValue());
                }
            }
        }
        return positions;
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
        watchers.keySet().forEach(SseEmitter::complete);
    }
}

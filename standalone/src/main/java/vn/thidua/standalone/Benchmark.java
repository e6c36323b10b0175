package vn.thidua.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.RawBsonDocument;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thidua.demo.SeedPlans;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.PledgeWork;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.DocumentType;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.Role;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.ledger.MerkleProofs;
import vn.thidua.projections.ReadModelProjection;
import vn.thidua.projections.ReadModels;
import vn.thidua.query.ledger.LedgerBuilder;
import vn.thidua.query.ledger.LedgerVerifier;
import vn.thidua.query.ledger.TreeStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The benchmark (README, "Benchmark"): on the embedded default in a fresh temporary data directory (or one kept from
 * an earlier run), stores at least N events (default 100,000) by sending commands through the CommandGateway (the
 * benchmark's mix across many campaigns: registrations, works, inspections, proposals appraised, voted and granted),
 * then measures every figure of the performance table, each beside its raw ceiling where one exists:
 * <ol>
 *   <li>commands/s through the CommandGateway with one sender (the first {@value #ONE_SENDER_EVENTS} events of a
 *       run), beside the raw append rate of the same H2 database (one event row per transaction, with the table's
 *       keys, through plain JDBC), and the live projections' catch-up after those commands;</li>
 *   <li>a full rebuild of both processors from the first event (after the rest of the load, sent by
 *       {@value #FILL_SENDERS} senders on different campaigns while the processors are stopped, which fills a
 *       million events in reasonable time), beside the event store's read rate and the read-model store's bulk write
 *       rate of the very documents the rebuild wrote;</li>
 *   <li>the integration feed: every event pulled over HTTP in pages of 1,000, and one webhook subscription's
 *       delivery rate over its first {@value #WEBHOOK_SAMPLE} events, beside the event store's read rate;</li>
 *   <li>commands/s over HTTP from 16 concurrent clients registering units on 16 young campaigns (the
 *       {@link LoadGenerator}), with latency percentiles and errors, and how long after its acknowledgement each is
 *       readable through read-your-writes;</li>
 *   <li>query latencies over HTTP: audit by aggregate and by type, participants, proposals, awards by nominee, each
 *       beside the floor of one campaign read by its {@code _id} through the same path;</li>
 *   <li>the process's resident memory, then a restart on the same data: start to healthy.</li>
 * </ol>
 * Prints figures and ratios; asserts nothing.
 * <p>
 * Run: {@code java -cp standalone/target/thidua.jar -Dloader.main=vn.thidua.standalone.Benchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [N [data-dir]]}; with a data directory kept from an earlier
 * run, only the events missing up to N are loaded, so the other figures can be measured again without reloading.
 */
public final class Benchmark {

    private static final MetaData ACTOR = ActorMetadata.of("benchmark", Role.ORGANIZER, null, "benchmark", null);
    static final long ONE_SENDER_EVENTS = 20_000;
    static final int FILL_SENDERS = 3;
    private static final int HTTP_CLIENTS = 16;
    private static final int HTTP_COMMANDS_PER_CLIENT = 150;
    private static final int QUERIES = 300;
    private static final long CEILING_SAMPLE = 200_000;
    /** Events pulled (and a quarter of them delivered) before the feed's figures are measured. */
    static final int FEED_WARM_UP = 20_000;

    /** One webhook subscription's delivery rate is measured over this many events at most. */
    private static final long WEBHOOK_SAMPLE = 100_000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("thidua-benchmark");
        List<String> given = new ArrayList<>(List.of("--thidua.data-dir=" + data, "--thidua.command-port=0",
                "--thidua.query-port=0", "--thidua.mongo-port=0", "--jobrunr.background-job-server.enabled=false",
                "--logging.level.root=WARN", "--thidua.webhooks.allowed-hosts=127.0.0.1"));
        given.addAll(Arrays.asList(args).subList(Math.min(args.length, 2), args.length)); // any platform option
        String[] options = given.toArray(String[]::new);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Standalone platform = Standalone.start(options);
        try {
            ConfigurableApplicationContext command = platform.command();
            ConfigurableApplicationContext query = platform.query();
            CommandGateway gateway = command.getBean(CommandGateway.class);
            EventStore events = command.getBean(EventStore.class);
            DataSource eventDatabase = command.getBean(DataSource.class);

            EventProcessingConfiguration processing = query.getBean(EventProcessingConfiguration.class);
            List<StreamingEventProcessor> processors = List.of(ReadModels.READ_MODELS_GROUP, ReadModels.AUDIT_GROUP)
                    .stream().map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                    .toList();

            long already = head(events) + 1;
            Load oneSender = load(gateway, events, Math.min(target, already + ONE_SENDER_EVENTS), run, 1, 0);
            long t0 = System.nanoTime();
            awaitCaughtUp(query, head(events));
            double catchUpSeconds = seconds(t0);
            // the read side is rebuilt from the first event below: it need not follow the fill; nor does the audit
            // ledger, which catches up beside the rebuild (a reader at the head forces the event store's file for
            // every batch it reads: DurableReads)
            processors.forEach(StreamingEventProcessor::shutDown);
            LedgerBuilder ledger = query.getBean(LedgerBuilder.class);
            ledger.stop();
            String big = loadBigCampaign(gateway, run);
            Load fill = load(gateway, events, target, run, FILL_SENDERS, oneSender.campaigns());
            ledger.start();
            long stored = head(events) + 1;
            // printed as soon as measured: a later phase that fails does not take them along
            System.out.printf("%nthidua benchmark — %,d events, %,d of them from %,d commands of this run"
                    + " (data in %s), %d processor segments%n", stored, stored - already,
                    oneSender.commands() + fill.commands(), data,
                    query.getBean(vn.thidua.query.QueryProperties.class).segments());
            if (oneSender.commands() > 0) {
                System.out.printf("  commands through the CommandGateway, one sender: %,.0f commands/s (%,.0f"
                        + " events/s) (goal ≥ 3,000 commands/s)%n", oneSender.commandsPerSecond(),
                        oneSender.eventsPerSecond());
                System.out.printf("  live projections caught up %.1f s after the last of those commands%n",
                        catchUpSeconds);
            }
            if (fill.commands() > 0) {
                System.out.printf("  (filling, projections stopped: %d senders, %,.0f commands/s, %,.0f events/s)%n",
                        FILL_SENDERS, fill.commandsPerSecond(), fill.eventsPerSecond());
            }

            double readRate = eventStoreReadRate(events);
            long t1 = System.nanoTime();
            for (StreamingEventProcessor p : processors) {
                p.resetTokens(); // runs the reset handlers: the owned collections are dropped
                p.start();
            }
            awaitCaughtUp(query, stored - 1);
            double rebuildSeconds = seconds(t1);
            double eventsPerSecond = stored / rebuildSeconds;
            System.out.printf("  full rebuild (read-models and audit processors together): %.1f s, %,.0f events/s"
                    + " (goal ≤ 180 s at 1M events)%n", rebuildSeconds, eventsPerSecond);
            Ceiling ceiling = rawCeiling(query.getBean(MongoDatabase.class));
            System.out.printf("  raw ceilings: the event store reads %,.0f events/s (ratio %.2f); the read-model"
                    + " store bulk-upserts %,.0f of the %,d documents the rebuild wrote per second (%,.0f bytes on"
                    + " average; ratio %.2f)%n", readRate, eventsPerSecond / readRate, ceiling.upsertsPerSecond(),
                    ceiling.documents(), ceiling.averageBytes(), eventsPerSecond / ceiling.upsertsPerSecond());

            // read again just before the feed, warm as the feed is: the higher of the two rates is its ceiling
            double warmReadRate = eventStoreReadRate(events);
            double feedCeiling = Math.max(readRate, warmReadRate);
            FeedBenchmark integration = new FeedBenchmark(platform.queryPort());
            // warmed up as the event store's read is: the code of both ways in compiled before they are measured
            integration.pull(FEED_WARM_UP);
            integration.webhook(Math.min(events.createHeadToken().position().orElse(0), FEED_WARM_UP / 4));
            FeedBenchmark.Rate pulled = integration.pull(Long.MAX_VALUE); // positions have gaps: counted here
            FeedBenchmark.Rate delivered = integration.webhook(Math.min(pulled.events(), WEBHOOK_SAMPLE));
            System.out.printf("  integration feed (after a warm-up of %,d events pulled and %,d delivered): %,d events"
                    + " pulled over HTTP in pages of %,d: %,.0f events/s (ratio %.2f to the event store's read,"
                    + " %,.0f events/s: the higher of %,.0f before the rebuild and %,.0f now; goal ≥ 0.50); one"
                    + " webhook subscription delivered its first %,d events at %,.0f events/s, the first %.1f s after"
                    + " it was made (goal ≥ 2,000 events/s)%n", FEED_WARM_UP, FEED_WARM_UP / 4, pulled.events(),
                    FeedBenchmark.PAGE, pulled.perSecond(), pulled.perSecond() / feedCeiling, feedCeiling, readRate,
                    warmReadRate, delivered.events(), delivered.perSecond(), delivered.firstAfterSeconds());

            double rawAppends = rawAppendRate(eventDatabase, 5_000); // rows like the newest event: after the load
            System.out.printf("  raw ceiling: %,.0f appends/s to the same H2 database (one event row per"
                    + " transaction); one sender / raw = %.2f (goal ≥ 0.80)%n", rawAppends,
                    oneSender.commandsPerSecond() / rawAppends);

            List<String> young = new ArrayList<>();
            for (int i = 0; i < HTTP_CLIENTS; i++) {
                String id = "http-" + run + "-" + i;
                gateway.sendAndWait(new LaunchCampaign(id, plan(SeedPlans.thuThua(), 900_000 + i, run)), ACTOR);
                young.add(id);
            }
            LoadGenerator http = new LoadGenerator(platform.commandPort(), platform.queryPort(), "organizer");
            LoadGenerator.Result load = http.run(young, HTTP_COMMANDS_PER_CLIENT);
            System.out.printf("  commands over HTTP, %d clients: %,.0f commands/s, p50 %.0f ms, p99 %.0f ms,"
                    + " %d errors (goal ≥ 2,000/s, p99 ≤ 50 ms, 0 errors)%n", load.clients(),
                    load.commandsPerSecond(), p(load.commandMillis(), 50), p(load.commandMillis(), 99),
                    load.errors());
            System.out.printf("  acknowledged → readable (read-your-writes) under that load: p50 %.0f ms,"
                    + " p99 %.0f ms, max %.0f ms (goal p99 ≤ 200 ms)%n", p(load.readableMillis(), 50),
                    p(load.readableMillis(), 99), p(load.readableMillis(), 100));
            awaitCaughtUp(query, head(events));

            queryLatencies(new LoadGenerator(platform.commandPort(), platform.queryPort(), "auditor"),
                    query.getBean(MongoDatabase.class));
            ledgerFigures(new LoadGenerator(platform.commandPort(), platform.queryPort(), "auditor"), query,
                    head(events), feedCeiling);
            DashboardBenchmark.run(new LoadGenerator(platform.commandPort(), platform.queryPort(), "auditor"),
                    query.getBean(MongoDatabase.class), platform.queryPort(), QUERIES, QUERY_BUDGET_MILLIS);
            asOfFigures(new LoadGenerator(platform.commandPort(), platform.queryPort(), "auditor"), events, big);
            exportFigures(platform.queryPort(), query.getBean(TreeStore.class));
            System.gc();
            System.out.printf("  memory: resident %s, peak resident %s, Java heap in use %,d MB (goal ≤ 1 GB)%n",
                    memory("VmRSS"), memory("VmHWM"),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        } finally {
            platform.close();
        }
        long t2 = System.nanoTime();
        try (Standalone again = Standalone.start(options)) {
            awaitCaughtUp(again.query(), head(again.command().getBean(EventStore.class)));
            System.out.printf("  restart on the same data: healthy and caught up %.1f s after start (goal ≤ 10 s"
                    + " at 100k events, ≤ 15 s at 1M)%n", seconds(t2));
        }
        System.exit(0); // the embedded servers' background threads would keep the JVM alive
    }

    private static double p(List<Double> sorted, double percentile) {
        return LoadGenerator.percentile(sorted, percentile);
    }

    /**
     * Each query {@value #QUERIES} times over HTTP as an auditor, cycling through the benchmark's campaigns (a
     * hundred of them), their proposals and their nominees: p50 and p99.
     */
    private static void queryLatencies(LoadGenerator http, MongoDatabase database) {
        List<String> campaigns = database.getCollection(ReadModels.CAMPAIGNS)
                .find(Filters.regex("_id", "^bench-")).limit(100).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
        if (campaigns.isEmpty()) {
            return;
        }
        Map<String, List<String>> queries = new LinkedHashMap<>();
        // the floor: one document by its _id through the same HTTP, authentication and read-your-writes path
        queries.put("campaign by id (floor)", campaigns.stream().map(c -> "/api/campaigns/" + c).toList());
        queries.put("audit ?aggregateId=", campaigns.stream().map(c -> "/api/audit?aggregateId=" + c).toList());
        queries.put("audit ?type=", List.of("/api/audit?type=CampaignLaunched", "/api/audit?type=AwardGranted",
                "/api/audit?type=InspectionRecorded&page=3"));
        queries.put("participants page", campaigns.stream()
                .map(c -> "/api/campaigns/" + c + "/participants?page=1&size=20").toList());
        queries.put("proposals page", campaigns.stream()
                .map(c -> "/api/campaigns/" + c + "/proposals?status=AWARDED&size=20").toList());
        List<String> byId = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        for (int i = 0; i < campaigns.size(); i++) {
            int c = Integer.parseInt(campaigns.get(i).substring(campaigns.get(i).lastIndexOf('-') + 1));
            byId.add("/api/awards?nominee=" + nomineeId(c, i % 40));
            byName.add("/api/awards?nominee=" + URLEncoder.encode(nomineeName(c, i % 40), StandardCharsets.UTF_8));
        }
        queries.put("awards by nominee id", byId);
        queries.put("awards by nominee name", byName);
        // searches whose letters are in nearly every award: tested on the text key, not narrowed by any run
        queries.put("awards broad search", List.of("/api/awards?nominee=ng", "/api/awards?nominee=0000",
                "/api/awards?nominee=n&page=3"));
        queries.put("campaigns filtered", List.of("/api/campaigns?q=thu%20thua&size=20",
                "/api/campaigns?status=LAUNCHED", "/api/campaigns?year=2027&page=2"));
        http.timeQueries(queries.values().iterator().next(), 20); // warm-up
        double floor = 0;
        for (Map.Entry<String, List<String>> query : queries.entrySet()) {
            List<Double> millis = http.timeQueries(query.getValue(), QUERIES, QUERY_BUDGET_MILLIS);
            if (floor == 0) {
                floor = p(millis, 99);
            }
            System.out.printf("  query %-24s p50 %6.1f ms, p99 %6.1f ms, p99/floor %4.1f (goal p99 ≤ 20 ms pages,"
                    + " ≤ 50 ms audit)%s%n", query.getKey(), p(millis, 50), p(millis, 99), p(millis, 99) / floor,
                    millis.size() < QUERIES ? String.format(" [%d of %d asked within %d s]", millis.size(), QUERIES,
                            QUERY_BUDGET_MILLIS / 1000) : "");
        }
    }

    /**
     * The audit ledger (built beside everything above, from the first event): how long after the last event it
     * holds every event, then inclusion proofs of events spread over the whole store and consistency proofs from
     * early heads to the latest, {@value #QUERIES} each over HTTP.
     */
    private static void ledgerFigures(LoadGenerator http, ConfigurableApplicationContext query, long head,
                                      double readCeiling) throws InterruptedException {
        TreeStore tree = query.getBean(TreeStore.class);
        long t0 = System.nanoTime();
        while (tree.state().lastPosition() < head) {
            Thread.sleep(50);
        }
        TreeStore.State state = tree.state();
        System.out.printf("  audit ledger (stopped during the fill, then caught up beside the rebuild): %,d leaves,"
                + " the last event in it %.1f s after the queries began; %,d signed heads%n", state.size(), seconds(t0),
                tree.headsAfter(0, Integer.MAX_VALUE).size());
        long signed = tree.latestHead().orElseThrow().head().treeSize();
        List<String> inclusions = new ArrayList<>();
        List<String> consistencies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long leaf = signed * i / 100;
            inclusions.add("/api/audit/proofs/inclusion?position=" + tree.leaf(leaf, signed).orElseThrow()
                    .position());
            consistencies.add("/api/audit/proofs/consistency?first=" + Math.max(1, leaf));
        }
        // the proof alone, in the process: the tree read from the store and the path computed, without HTTP
        List<Double> computed = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 100; i++) {
                long started = System.nanoTime();
                TreeStore.View view = tree.at(signed);
                MerkleProofs.inclusion(signed * i / 100, signed, view);
                MerkleProofs.root(signed, view);
                if (round > 0) { // the first round compiles it
                    computed.add((System.nanoTime() - started) / 1e6);
                }
            }
        }
        Collections.sort(computed);
        System.out.printf("  audit inclusion proof computed in the process (tree read from the store, path and root):"
                + " p50 %.2f ms, p99 %.2f ms%n", p(computed, 50), p(computed, 99));
        for (Map.Entry<String, List<String>> proof : Map.of("inclusion proof", inclusions, "consistency proof",
                consistencies).entrySet()) {
            List<Double> millis = http.timeQueries(proof.getValue(), QUERIES);
            System.out.printf("  audit %-24s p50 %6.1f ms, p99 %6.1f ms (goal ≤ 10 ms)%n", proof.getKey(),
                    p(millis, 50), p(millis, 99));
        }
        // twice: the first run also brings the event store's and the read models' pages in and compiles the checking
        // code; the second is the rate of a verification that an auditor repeats (both are printed)
        for (String run : List.of("first run", "second run")) {
            LedgerVerifier.Outcome verified = query.getBean(LedgerVerifier.class).run(checked -> {
            });
            System.out.printf("  audit verification, %s (every event's leaf, every signed head, every audit entry,"
                    + " from the event store): %,d events in %.1f s, %,.0f events/s (ratio %.2f to the event store's"
                    + " read, %,.0f events/s), %s (goal ≥ 20,000 events/s)%n", run, verified.events(),
                    verified.seconds(), verified.eventsPerSecond(), verified.eventsPerSecond() / readCeiling,
                    readCeiling, verified.divergence() == null ? "passed" : "FAILED: " + verified.divergence());
        }
    }

    /** Units of the one large campaign; four commands each: {@value #BIG_CAMPAIGN_UNITS} × 4 + 1 events. */
    static final int BIG_CAMPAIGN_UNITS = 2_500;

    /**
     * One campaign of ten thousand events (2,500 units registered, each pledging two more works and inspected), sent
     * by one sender while the projections are stopped: what the as-of figure folds.
     */
    private static String loadBigCampaign(CommandGateway gateway, String run) {
        LocalDate today = DomainClock.today();
        String campaignId = "large-" + run; // not "bench-…": the query figures sample those
        send(gateway, new LaunchCampaign(campaignId, plan(SeedPlans.thuThua(), 800_000, run)));
        for (int u = 0; u < BIG_CAMPAIGN_UNITS; u++) {
            String unit = "u-" + u;
            send(gateway, new RegisterParticipant(campaignId, unit, "Đơn vị thi đua số " + u, List.of()));
            send(gateway, new PledgeWork(campaignId, unit, new PledgedWork("w-1", "Công trình số " + u, null)));
            send(gateway, new PledgeWork(campaignId, unit, new PledgedWork("w-2", "Phần việc số " + u, null)));
            send(gateway, new RecordInspection(campaignId, unit, "kt-" + u, today, "Đoàn kiểm tra",
                    "Triển khai đầy đủ", InspectionRating.GOOD));
        }
        return campaignId;
    }

    /**
     * As of a moment in the large campaign: its document folded in memory from its events (every one of them for the
     * last version) over HTTP, at versions spread over its life; then the whole decision history exported.
     */
    private static void asOfFigures(LoadGenerator http, EventStore events, String campaignId) {
        long last = events.readEvents(campaignId).asStream().mapToLong(e -> e.getSequenceNumber()).max()
                .orElseThrow();
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            paths.add("/api/campaigns/" + campaignId + "/as-of?version=" + last * i / 10);
        }
        http.timeQueries(paths, 10); // compiled before it is measured
        List<Double> millis = http.timeQueries(paths, 50, QUERY_BUDGET_MILLIS);
        List<Double> latest = http.timeQueries(List.of("/api/campaigns/" + campaignId + "/as-of?version=" + last),
                20, QUERY_BUDGET_MILLIS);
        System.out.printf("  as-of a campaign of %,d events (versions spread over its life): p50 %.0f ms, p99 %.0f"
                + " ms; its last version (all %,d folded): p50 %.0f ms, p99 %.0f ms (goal ≤ 200 ms)%n", last + 1,
                p(millis, 50), p(millis, 99), last + 1, p(latest, 50), p(latest, 99));
    }

    /**
     * The exports as an auditor downloads them: the whole audit trail (every leaf, each with its inclusion path and
     * canonical form) as CSV and as XLSX, read to the end over HTTP, with the heap sampled every 50 ms meanwhile.
     */
    private static void exportFigures(int queryPort, TreeStore tree) throws Exception {
        long leaves = tree.latestHead().orElseThrow().head().treeSize();
        for (String format : List.of("csv", "xlsx")) {
            long before = liveHeap();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    peak.accumulateAndGet(liveHeap(), Math::max);
                }
            });
            sampler.start();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + queryPort + "/api/audit/export?format=" + format))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "auditor:demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes;
            try (InputStream body = response.body()) {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
            double seconds = seconds(t0);
            done.set(true);
            sampler.join();
            System.out.printf("  export of the whole audit trail as %s (%s): %,d rows with proofs, %,.0f MB in"
                    + " %.1f s, %,.0f rows/s; live heap (after a full collection, every 10 s) %,d MB before,"
                    + " at most %,d MB during%n", format,
                    response.statusCode() == 200 ? "200" : "FAILED " + response.statusCode(), leaves,
                    bytes / 1e6, seconds, leaves / seconds, before >> 20, peak.get() >> 20);
        }
    }

    /**
     * What the heap holds live: its use right after a full collection (at any other moment it also counts garbage not
     * collected yet, which says nothing about what an export keeps); the pause is part of the export's time.
     */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The most time one query's measurement may take (at least one round of its paths is timed). */
    private static final long QUERY_BUDGET_MILLIS = 60_000;

    private record Load(long commands, long events, double seconds, int campaigns) {
        double commandsPerSecond() {
            return commands / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * Loads whole campaigns (numbered from {@code first}) until the store holds {@code target} events, with
     * {@code senders} threads, each sending its own campaigns' commands one after another.
     */
    private static Load load(CommandGateway gateway, EventStore events, long target, String run, int senders,
                             int first) throws InterruptedException {
        long before = head(events) + 1;
        if (before >= target) {
            return new Load(0, 0, 1, first);
        }
        AtomicInteger next = new AtomicInteger(first);
        AtomicLong commands = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            running.add(pool.submit(() -> {
                while (head(events) + 1 < target) {
                    commands.addAndGet(loadCampaign(gateway, run, next.getAndIncrement()));
                }
                return null;
            }));
        }
        try {
            for (Future<?> sender : running) {
                sender.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Load(commands.get(), head(events) + 1 - before, seconds(t0), next.get());
    }

    /** The first of the three proposals of each campaign left waiting (submitted, appraised, voted). */
    static final int WAITING_FROM = 37;

    /**
     * One campaign of the benchmark's mix: 60 units with two works each, 20 inspections, 40 proposals of which 37
     * granted and three left waiting, one at each step (what the dashboards' waiting figures read).
     */
    private static long loadCampaign(CommandGateway gateway, String run, int c) {
        LocalDate today = DomainClock.today();
        String campaignId = "bench-" + run + "-" + c;
        long commands = send(gateway, new LaunchCampaign(campaignId, plan(SeedPlans.thuThua(), c, run)));
        for (int u = 0; u < 60; u++) {
            String unit = "u-" + u;
            commands += send(gateway, new RegisterParticipant(campaignId, unit, "Đơn vị thi đua số " + u,
                    List.of(new PledgedWork("w-1", "Công trình chào mừng số " + u, null))));
            commands += send(gateway, new PledgeWork(campaignId, unit, new PledgedWork("w-2",
                    "Phần việc thanh niên số " + u, null)));
            if (u % 3 == 0) {
                commands += send(gateway, new RecordInspection(campaignId, unit, "kt-" + u, today,
                        "Đoàn kiểm tra", "Triển khai đầy đủ", InspectionRating.GOOD));
            }
        }
        for (int p = 0; p < 40; p++) {
            String proposalId = campaignId + "-p-" + p;
            commands += send(gateway, new SubmitProposal(proposalId, campaignId, "u-" + p,
                    new Nominee(TargetGroup.INDIVIDUAL, nomineeName(c, p), nomineeId(c, p)), "GK-HUYEN",
                    "Hoàn thành xuất sắc nhiệm vụ", today.getYear(), dossier()));
            if (p == WAITING_FROM) {
                continue; // left waiting: submitted
            }
            commands += send(gateway, new AppraiseProposal(proposalId, true, "Đủ điều kiện"));
            if (p == WAITING_FROM + 1) {
                continue; // left waiting: appraised
            }
            commands += send(gateway, new RecordCouncilVote(proposalId, 9, 8, 1, 0));
            if (p == WAITING_FROM + 2) {
                continue; // left waiting: voted
            }
            commands += send(gateway, new GrantAward(proposalId, c + "/QĐ-UBND", today, "Chủ tịch UBND huyện",
                    "Chủ tịch"));
        }
        return commands;
    }

    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
            "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc",
            "Quang");
    private static final List<String> GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hòa",
            "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tâm",
            "Thảo", "Trang", "Tuấn", "Việt", "Yến");

    /** A Vietnamese name, the same for the same campaign and proposal (the mix of a province's award lists). */
    static String nomineeName(int campaign, int proposal) {
        int n = campaign * 40 + proposal;
        return FAMILY.get(n % FAMILY.size()) + " " + MIDDLE.get(n / 7 % MIDDLE.size()) + " "
                + GIVEN.get(n / 3 % GIVEN.size());
    }

    /** A twelve-digit number like a citizen identity card's, different for every nominee. */
    static String nomineeId(int campaign, int proposal) {
        return String.format("0%011d", (campaign * 40L + proposal) * 7_919L % 100_000_000_000L);
    }

    /** The benchmark's plan for campaign {@code c}: issued yesterday, a year long, one district award scheme. */
    private static CampaignPlan plan(CampaignPlan template, int c, String run) {
        LocalDate today = DomainClock.today();
        AwardScheme district = template.awardSchemes().stream().filter(s -> s.schemeId().equals("GK-HUYEN"))
                .findFirst().orElseThrow();
        return template
                .withDocumentNumber("B" + c + "-" + run + "/KH-UBND")
                .withIssueDate(today.minusDays(1))
                .withTitle(template.title() + " (benchmark " + c + ")")
                .withPeriod(new Period(today.minusDays(1), today.plusYears(1)))
                .withAwardSchemes(List.of(district.withQuota(Quota.of(1000, 1000))))
                .withMilestones(List.of(new Milestone("HS", MilestoneKind.PROPOSAL, "Hạn nộp hồ sơ",
                        today.plusMonths(6), null)));
    }

    private static int send(CommandGateway gateway, Object command) {
        gateway.sendAndWait(command, ACTOR);
        return 1;
    }

    /**
     * The raw ceiling of the event store (a store holding events): rows like the newest stored event (same columns, same sizes) appended one
     * per transaction through plain JDBC into a scratch copy of the event table with the same keys (global index,
     * aggregate and sequence, event id), in the same H2 database; the copy is dropped afterwards.
     */
    private static double rawAppendRate(DataSource dataSource, int rows) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS BENCHMARK_RAW_EVENTS");
            ddl.execute("CREATE TABLE BENCHMARK_RAW_EVENTS AS SELECT * FROM DOMAIN_EVENT_ENTRY WITH NO DATA");
            ddl.execute("ALTER TABLE BENCHMARK_RAW_EVENTS ALTER COLUMN GLOBAL_INDEX SET NOT NULL");
            ddl.execute("ALTER TABLE BENCHMARK_RAW_EVENTS ADD PRIMARY KEY (GLOBAL_INDEX)");
            ddl.execute("ALTER TABLE BENCHMARK_RAW_EVENTS ADD UNIQUE (AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER)");
            ddl.execute("ALTER TABLE BENCHMARK_RAW_EVENTS ADD UNIQUE (EVENT_IDENTIFIER)");
            List<String> columns = new ArrayList<>();
            List<Object> template = new ArrayList<>();
            try (ResultSet newest = ddl.executeQuery(
                    "SELECT * FROM DOMAIN_EVENT_ENTRY ORDER BY GLOBAL_INDEX DESC LIMIT 1")) {
                boolean found = newest.next();
                for (int i = 1; i <= newest.getMetaData().getColumnCount(); i++) {
                    columns.add(newest.getMetaData().getColumnName(i));
                    template.add(found ? newest.getObject(i) : null);
                }
            }
            String insert = "INSERT INTO BENCHMARK_RAW_EVENTS (" + String.join(",", columns) + ") VALUES ("
                    + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
            connection.setAutoCommit(true);
            long t0 = System.nanoTime();
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (int row = 0; row < rows; row++) {
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = switch (columns.get(i)) {
                            case "GLOBAL_INDEX", "SEQUENCE_NUMBER" -> (long) row;
                            case "EVENT_IDENTIFIER" -> UUID.randomUUID().toString();
                            case "AGGREGATE_IDENTIFIER" -> "benchmark-raw";
                            default -> template.get(i) == null ? "x" : template.get(i);
                        };
                        statement.setObject(i + 1, value);
                    }
                    statement.executeUpdate();
                }
            }
            double rate = rows / seconds(t0);
            ddl.execute("DROP TABLE BENCHMARK_RAW_EVENTS");
            return rate;
        }
    }

    /** The event store's read rate: every stored event streamed from the first, as a processor reads them. */
    private static double eventStoreReadRate(EventStore events) throws InterruptedException {
        long count = 0;
        long t0 = System.nanoTime();
        try (var stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                stream.nextAvailable();
                count++;
            }
        }
        return count / seconds(t0);
    }

    private static String memory(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format("%,d MB", kb >> 10);
            }
        }
        return "(unknown)";
    }

    private static List<DossierDocument> dossier() {
        return List.of(new DossierDocument(DocumentType.SUBMISSION_MEMO, "Tờ trình", 1),
                new DossierDocument(DocumentType.MEETING_MINUTES, "Biên bản họp", 1),
                new DossierDocument(DocumentType.ACHIEVEMENT_REPORT, "Báo cáo thành tích", 1));
    }

    private record Ceiling(long documents, double averageBytes, double upsertsPerSecond) {
    }

    /**
     * The raw ceiling: the documents the rebuild produced (each read model's, up to {@value #CEILING_SAMPLE} in all,
     * in proportion to its share), read back as raw BSON and bulk-upserted (batches of 1,000, the processors' batch
     * size) into a scratch collection per read model; only the writes are timed. The sample bounds the time this
     * takes at a million events (re-writing every document took minutes); the documents counted are all of them.
     */
    private static Ceiling rawCeiling(MongoDatabase database) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        long bytes = 0;
        long writeNanos = 0;
        List<String> collections = new ArrayList<>(ReadModelProjection.COLLECTIONS);
        collections.add(ReadModels.AUDIT);
        Map<String, Long> counts = new LinkedHashMap<>();
        collections.forEach(name -> counts.put(name, database.getCollection(name).estimatedDocumentCount()));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long written = 0;
        for (String name : collections) {
            long share = Math.max(1, CEILING_SAMPLE * counts.get(name) / Math.max(1, total));
            MongoCollection<RawBsonDocument> raw = database.getCollection("benchmark_raw_" + name,
                    RawBsonDocument.class);
            if (database.listCollectionNames().into(new ArrayList<>()).contains(raw.getNamespace()
                    .getCollectionName())) {
                raw.drop(); // left by a run that stopped half-way (dropping what is not there logs a stack trace)
            }
            List<WriteModel<RawBsonDocument>> batch = new ArrayList<>(1000);
            for (RawBsonDocument document : sample(database.getCollection(name, RawBsonDocument.class), name,
                    (int) share)) {
                written++;
                bytes += document.getByteBuffer().remaining();
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, upsert));
                if (batch.size() == 1000) {
                    writeNanos += timedBulkWrite(raw, batch);
                }
            }
            if (!batch.isEmpty()) {
                writeNanos += timedBulkWrite(raw, batch);
            }
            raw.drop();
        }
        return new Ceiling(total, (double) bytes / written, written / (writeNanos / 1e9));
    }

    /**
     * Up to {@code size} documents of a collection. mongo-java-server gathers every document a query matches before
     * it applies a limit (at a million events the audit's million entries ran the heap out), so the audit's sample
     * is read by its keys (positions, in chunks); the other collections are an order of magnitude smaller.
     */
    private static Iterable<RawBsonDocument> sample(MongoCollection<RawBsonDocument> collection, String name,
                                                    int size) {
        if (!ReadModels.AUDIT.equals(name)) {
            return collection.find().batchSize(1000).limit(size);
        }
        List<RawBsonDocument> sample = new ArrayList<>(size);
        for (long from = 1; sample.size() < size && from <= 4L * size; from += 1000) {
            List<Long> positions = new ArrayList<>(1000);
            for (long p = from; p < from + 1000; p++) {
                positions.add(p);
            }
            for (RawBsonDocument d : collection.find(Filters.in("_id", positions))) {
                if (sample.size() < size) {
                    sample.add(d);
                }
            }
        }
        return sample;
    }

    private static long timedBulkWrite(MongoCollection<RawBsonDocument> raw,
                                       List<WriteModel<RawBsonDocument>> batch) {
        long t = System.nanoTime();
        raw.bulkWrite(batch);
        batch.clear();
        return System.nanoTime() - t;
    }

    private static long head(EventStore events) {
        var token = events.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static void awaitCaughtUp(ConfigurableApplicationContext query, long head) throws InterruptedException {
        var health = query.getBean(vn.thidua.query.health.EventProcessingHealth.class);
        while (!health.caughtUp(head)) {
            Thread.sleep(20);
        }
    }

    private static double seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis() / 1000.0;
    }
}

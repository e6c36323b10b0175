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
import vn.thidua.projections.ReadModelProjection;
import vn.thidua.projections.ReadModels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark (README, "Benchmark"): on the embedded default in a fresh temporary data directory, sends commands
 * through the CommandGateway until at least N events are stored (default 100,000; a mix across many campaigns:
 * registrations, works, inspections, proposals appraised, voted and granted), then measures, against the same
 * MongoDB server: the live projections catching up, a full rebuild of both processors, and the raw ceiling: bulk
 * upserts of the very documents the rebuild wrote. Prints figures and ratios; asserts nothing.
 * <p>
 * Run: {@code java -cp standalone/target/thidua.jar -Dloader.main=vn.thidua.standalone.Benchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [N [data-dir]]}; with a data directory kept from an earlier
 * run, only the events missing up to N are loaded, so the rebuild can be measured again without reloading.
 */
public final class Benchmark {

    private static final MetaData ACTOR = ActorMetadata.of("benchmark", Role.ORGANIZER, null, "benchmark", null);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("thidua-benchmark");
        try (Standalone platform = Standalone.start("--thidua.data-dir=" + data, "--thidua.command-port=0",
                "--thidua.query-port=0", "--thidua.mongo-port=0", "--jobrunr.background-job-server.enabled=false",
                "--logging.level.root=WARN")) {
            ConfigurableApplicationContext command = platform.command();
            ConfigurableApplicationContext query = platform.query();
            CommandGateway gateway = command.getBean(CommandGateway.class);
            EventStore events = command.getBean(EventStore.class);

            long already = head(events) + 1;
            long t0 = System.nanoTime();
            long commands = load(gateway, events, target);
            double commandSeconds = seconds(t0);
            long stored = head(events) + 1;
            awaitCaughtUp(query, stored - 1);
            double liveSeconds = seconds(t0);

            EventProcessingConfiguration processing = query.getBean(EventProcessingConfiguration.class);
            List<StreamingEventProcessor> processors = List.of(ReadModels.READ_MODELS_GROUP, ReadModels.AUDIT_GROUP)
                    .stream().map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                    .toList();
            processors.forEach(StreamingEventProcessor::shutDown); // stopping the idle live processors is not timed
            long t1 = System.nanoTime();
            for (StreamingEventProcessor p : processors) {
                p.resetTokens(); // runs the reset handlers: the owned collections are dropped
                p.start();
            }
            awaitCaughtUp(query, stored - 1);
            double rebuildSeconds = seconds(t1);

            Ceiling ceiling = rawCeiling(query.getBean(MongoDatabase.class));
            double upsertsPerSecond = ceiling.upsertsPerSecond();

            double eventsPerSecond = stored / rebuildSeconds;
            System.out.printf("%nthidua benchmark — %,d events, %,d of them from %,d commands of this run"
                    + " (data in %s)%n", stored, stored - already, commands, data);
            if (commands > 0) {
                System.out.printf("  commands through the CommandGateway: %,.0f commands/s (%,.0f events/s)%n",
                        commands / commandSeconds, (stored - already) / commandSeconds);
            }
            System.out.printf("  live projections caught up %.1f s after the first command%n", liveSeconds);
            System.out.printf("  full rebuild (read-models and audit processors together): %.1f s, %,.0f events/s"
                    + " → %,d documents (%,.0f bytes on average)%n", rebuildSeconds, eventsPerSecond,
                    ceiling.documents(), ceiling.averageBytes());
            System.out.printf("  raw ceiling, same MongoDB: %,.0f bulk upserts/s of those very documents%n",
                    upsertsPerSecond);
            System.out.printf("  rebuild / ceiling = %.2f (goal ≥ 0.50)%n", eventsPerSecond / upsertsPerSecond);
        }
        System.exit(0); // the embedded servers' background threads would keep the JVM alive
    }

    private static long load(CommandGateway gateway, EventStore events, long target) {
        LocalDate today = DomainClock.today();
        CampaignPlan template = SeedPlans.thuThua();
        long commands = 0;
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int c = 0; head(events) + 1 < target; c++) {
            String campaignId = "bench-" + run + "-" + c;
            AwardScheme district = template.awardSchemes().stream().filter(s -> s.schemeId().equals("GK-HUYEN"))
                    .findFirst().orElseThrow();
            CampaignPlan plan = template
                    .withDocumentNumber("B" + c + "/KH-UBND")
                    .withIssueDate(today.minusDays(1))
                    .withTitle(template.title() + " (benchmark " + c + ")")
                    .withPeriod(new Period(today.minusDays(1), today.plusYears(1)))
                    .withAwardSchemes(List.of(district.withQuota(Quota.of(1000, 1000))))
                    .withMilestones(List.of(new Milestone("HS", MilestoneKind.PROPOSAL, "Hạn nộp hồ sơ",
                            today.plusMonths(6), null)));
            commands += send(gateway, new LaunchCampaign(campaignId, plan));
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
                        new Nominee(TargetGroup.INDIVIDUAL, "Cán bộ số " + p, "cb-" + p), "GK-HUYEN",
                        "Hoàn thành xuất sắc nhiệm vụ", today.getYear(), dossier()));
                commands += send(gateway, new AppraiseProposal(proposalId, true, "Đủ điều kiện"));
                commands += send(gateway, new RecordCouncilVote(proposalId, 9, 8, 1, 0));
                commands += send(gateway, new GrantAward(proposalId, c + "/QĐ-UBND", today, "Chủ tịch UBND huyện",
                        "Chủ tịch"));
            }
        }
        return commands;
    }

    private static int send(CommandGateway gateway, Object command) {
        gateway.sendAndWait(command, ACTOR);
        return 1;
    }

    private static List<DossierDocument> dossier() {
        return List.of(new DossierDocument(DocumentType.SUBMISSION_MEMO, "Tờ trình", 1),
                new DossierDocument(DocumentType.MEETING_MINUTES, "Biên bản họp", 1),
                new DossierDocument(DocumentType.ACHIEVEMENT_REPORT, "Báo cáo thành tích", 1));
    }

    private record Ceiling(long documents, double averageBytes, double upsertsPerSecond) {
    }

    /**
     * The raw ceiling: every document the rebuild produced, read back as raw BSON and bulk-upserted (batches of 1,000,
     * the processors' batch size) into a scratch collection per read model; only the writes are timed.
     */
    private static Ceiling rawCeiling(MongoDatabase database) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        long documents = 0;
        long bytes = 0;
        long writeNanos = 0;
        List<String> collections = new ArrayList<>(ReadModelProjection.COLLECTIONS);
        collections.add(ReadModels.AUDIT);
        for (String name : collections) {
            MongoCollection<RawBsonDocument> raw = database.getCollection("benchmark_raw_" + name,
                    RawBsonDocument.class);
            raw.drop();
            List<WriteModel<RawBsonDocument>> batch = new ArrayList<>(1000);
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find()
                    .batchSize(1000)) {
                documents++;
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
        return new Ceiling(documents, (double) bytes / documents, documents / (writeNanos / 1e9));
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

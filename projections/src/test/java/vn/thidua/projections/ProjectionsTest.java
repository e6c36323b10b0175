package vn.thidua.projections;

import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.demo.DemoScenario;
import vn.thidua.projections.awards.AwardStatus;
import vn.thidua.projections.awards.AwardView;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;
import vn.thidua.domain.proposal.value.ProposalStatus;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.projections.ReadModels.AUDIT_GROUP;
import static vn.thidua.projections.ReadModels.READ_MODELS_GROUP;

/** The read models built from the demo scenario's events, and what redelivery, replay and crashes do to them. */
class ProjectionsTest {

    private static final List<String> GROUPS = List.of(READ_MODELS_GROUP, AUDIT_GROUP);

    private ProjectionHarness harness;
    private final DocumentMapper mapper = new DocumentMapper();

    @BeforeEach
    void start() {
        harness = new ProjectionHarness(7); // small batches: many batch boundaries
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private <T> T read(String collection, String id, Class<T> type) {
        Document d = harness.database.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(d).as(collection + "/" + id).isNotNull();
        return mapper.fromDocument(d, type);
    }

    private int loadDemo() {
        DemoScenario demo = DemoScenario.load();
        demo.run(harness.domain.gateway());
        harness.awaitCaughtUp();
        return harness.domain.allEvents().size();
    }

    @Test
    void theDemoBuildsCampaignsParticipantsProposalsAwardsAndAnAuditEntryPerEvent() {
        int events = loadDemo();

        CampaignView boTrach = read(ReadModels.CAMPAIGNS, "bo-trach-2020", CampaignView.class);
        assertThat(boTrach.title).isNotBlank();
        assertThat(boTrach.status.name()).isEqualTo("CONCLUDED");
        assertThat(boTrach.years).containsExactly(2020);
        assertThat(boTrach.search).contains("bo trach");
        assertThat(boTrach.counts.participants).isEqualTo(8);
        assertThat(boTrach.counts.pledgedWorks).isEqualTo(9);
        assertThat(boTrach.counts.inspections).isEqualTo(6);
        assertThat(boTrach.counts.finalReportsOnTime).isEqualTo(6);
        assertThat(boTrach.counts.finalReportsLate).isEqualTo(1);
        assertThat(boTrach.version).isEqualTo(harness.domain.events("bo-trach-2020").size() - 1);

        CampaignView thuThua = read(ReadModels.CAMPAIGNS, "thu-thua-dai-hoi-2020", CampaignView.class);
        assertThat(thuThua.proposalsByStatus.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AWARDED", 13, "REJECTED", 2, "WITHDRAWN", 1, "REVOKED", 1));
        assertThat(thuThua.awardsByScheme.get("GK-HUYEN")).satisfies(t -> {
            assertThat(t.granted).isEqualTo(11);
            assertThat(t.revoked).isEqualTo(1);
            assertThat(t.inForce).isEqualTo(10);
        });
        CampaignView.SchemeQuota district = thuThua.quotas.get("GK-HUYEN");
        assertThat(district.collectives.limit).isEqualTo(6);
        assertThat(district.collectives.used).isEqualTo(6);
        assertThat(district.collectives.remaining).isZero();
        assertThat(district.individuals.used).isEqualTo(4); // 5 granted, one revoked and released
        assertThat(district.individuals.remaining).isEqualTo(16);
        CampaignView.SchemeQuota provincial = thuThua.quotas.get("BK-TINH");
        assertThat(provincial.pending).isFalse();
        assertThat(provincial.allocationReference).contains("Long An");
        assertThat(provincial.individuals.limit).isEqualTo(2);
        assertThat(provincial.individuals.remaining).isZero();

        CampaignView haTinh = read(ReadModels.CAMPAIGNS, "phuong-ha-tinh-2022", CampaignView.class);
        assertThat(haTinh.status.name()).isEqualTo("CLOSED");
        assertThat(haTinh.counts.lateWorks).isEqualTo(2);

        ParticipantView lyTrach = read(ReadModels.PARTICIPANTS, "bo-trach-2020/xa-ly-trach", ParticipantView.class);
        assertThat(lyTrach.reports).singleElement().satisfies(r -> assertThat(r.late()).isTrue());
        assertThat(lyTrach.works).hasSize(1);

        ProposalView returned = read(ReadModels.PROPOSALS, "gk-tt-db-my-lac", ProposalView.class);
        assertThat(returned.history).extracting(ProposalView.Step::status).containsExactly(ProposalStatus.SUBMITTED,
                ProposalStatus.RETURNED, ProposalStatus.SUPPLEMENTED, ProposalStatus.APPRAISED,
                ProposalStatus.REJECTED);
        assertThat(returned.appraisal.favourable()).isFalse();
        assertThat(returned.rejection.reason()).contains("chỉ tiêu");
        assertThat(returned.campaignTitle).isEqualTo(thuThua.title);

        ProposalView voted = read(ReadModels.PROPOSALS, "bk-cb-tr-01", ProposalView.class);
        assertThat(voted.vote.approved()).isTrue();
        assertThat(voted.decision.number()).isEqualTo("2211/QĐ-UBND");
        assertThat(voted.documents).hasSize(3);

        AwardView revoked = read(ReadModels.AWARDS, "gk-cn-cb-nt-04", AwardView.class);
        assertThat(revoked.status).isEqualTo(AwardStatus.REVOKED);
        assertThat(revoked.revocation.decisionNumber()).isEqualTo("312/QĐ-UBND");
        assertThat(revoked.nomineeSearch).isEqualTo("pham thi thu ha cb nt 04");
        assertThat(harness.database.getCollection(ReadModels.AWARDS).countDocuments()).isEqualTo(14);

        assertThat(harness.database.getCollection(ReadModels.AUDIT).countDocuments()).isEqualTo(events);
        Document grant = harness.database.getCollection(ReadModels.AUDIT)
                .find(Filters.and(Filters.eq("type", "AwardGranted"), Filters.eq("aggregateId", "bk-cb-tr-01")))
                .first();
        assertThat(grant).isNotNull();
        assertThat(grant.getString("actorRole")).isEqualTo("APPROVER");
        assertThat(grant.getString("aggregateType")).isEqualTo("AwardProposal");
        assertThat(grant.getString("description")).contains("Đặng Văn Hùng").contains("2211/QĐ-UBND");
        assertThat(grant.get("payload", Document.class).getString("proposalId")).isEqualTo("bk-cb-tr-01");
        assertThat(grant.getString("correlationId")).isNotBlank();
    }

    @Test
    void deliveringEveryEventAgainChangesNoByte() {
        loadDemo();
        Map<String, List<String>> once = harness.snapshot();

        GROUPS.forEach(harness::stop);
        GROUPS.forEach(g -> harness.rewind(g, new GlobalSequenceTrackingToken(-1))); // every event a second time
        GROUPS.forEach(harness::start);
        harness.awaitCaughtUp();
        assertThat(ReadModelDump.difference(once, harness.snapshot())).isNull();

        GROUPS.forEach(harness::stop);
        GROUPS.forEach(g -> harness.rewind(g, new GlobalSequenceTrackingToken(once.get("audit").size() / 2)));
        // and the second half a third time
        GROUPS.forEach(harness::start);
        harness.awaitCaughtUp();
        assertThat(ReadModelDump.difference(once, harness.snapshot())).isNull();
    }

    /** Redelivered events are skipped without writing: a document no event changed is not written again. */
    @Test
    void aRedeliveredBatchWritesNothingBack() {
        loadDemo();
        var campaigns = harness.database.getCollection(ReadModels.CAMPAIGNS);
        var audit = harness.database.getCollection(ReadModels.AUDIT);
        String campaignId = campaigns.find().first().getString("_id");
        campaigns.updateOne(new Document("_id", campaignId), new Document("$set", new Document("marker", "kept")));
        audit.updateOne(new Document("_id", 0L), new Document("$set", new Document("marker", "kept")));

        GROUPS.forEach(harness::stop);
        GROUPS.forEach(g -> harness.rewind(g, new GlobalSequenceTrackingToken(-1)));
        GROUPS.forEach(harness::start);
        harness.awaitCaughtUp();

        assertThat(campaigns.find(new Document("_id", campaignId)).first().getString("marker")).isEqualTo("kept");
        assertThat(audit.find(new Document("_id", 0L)).first().getString("marker")).isEqualTo("kept");
    }

    @Test
    void aReplayClearsWhatTheProcessorsOwnAndRebuildsTheSameBytes() {
        loadDemo();
        Map<String, List<String>> once = harness.snapshot();
        harness.database.getCollection(ReadModels.CAMPAIGNS).insertOne(new Document("_id", "stray"));

        GROUPS.forEach(harness::stop);
        GROUPS.forEach(g -> harness.processor(g).resetTokens());
        GROUPS.forEach(harness::start);
        harness.awaitCaughtUp();
        assertThat(ReadModelDump.difference(once, harness.snapshot())).isNull();
    }

    /**
     * A crash between the writes of one batch leaves campaigns ahead of participants, proposals and awards, and the
     * token behind all of them; redelivery must complete the lagging documents without counting twice in campaigns.
     */
    @Test
    void aCrashBetweenTheWritesOfABatchIsRepairedByRedelivery() {
        DemoScenario demo = DemoScenario.load();
        List<DemoScenario.Step> steps = demo.steps();
        int half = steps.size() / 2;
        var gateway = harness.domain.gateway();
        runSteps(steps.subList(0, half), gateway);
        harness.awaitCaughtUp();
        long midPosition = harness.domain.configuration().eventStore().createHeadToken().position().orElseThrow();
        Map<String, List<Document>> lagging = documents(List.of(ReadModels.PARTICIPANTS, ReadModels.PROPOSALS,
                ReadModels.AWARDS));

        runSteps(steps.subList(half, steps.size()), gateway);
        harness.awaitCaughtUp();
        Map<String, List<String>> complete = harness.snapshot();

        harness.stop(READ_MODELS_GROUP);
        lagging.forEach((name, docs) -> {
            harness.database.getCollection(name).deleteMany(new Document());
            if (!docs.isEmpty()) {
                harness.database.getCollection(name).insertMany(docs);
            }
        });
        harness.rewind(READ_MODELS_GROUP, new GlobalSequenceTrackingToken(midPosition));
        harness.start(READ_MODELS_GROUP);
        harness.awaitCaughtUp();
        assertThat(ReadModelDump.difference(complete, harness.snapshot())).isNull();
    }

    private static void runSteps(List<DemoScenario.Step> steps, org.axonframework.commandhandling.gateway.CommandGateway gateway) {
        for (DemoScenario.Step step : steps) {
            vn.thidua.domain.testing.DomainHarness.at(step.on(), () -> gateway.sendAndWait(step.command(), step.actor()));
        }
    }

    private Map<String, List<Document>> documents(List<String> names) {
        Map<String, List<Document>> all = new java.util.LinkedHashMap<>();
        names.forEach(n -> all.put(n, harness.database.getCollection(n).find().into(new java.util.ArrayList<>())));
        return all;
    }
}

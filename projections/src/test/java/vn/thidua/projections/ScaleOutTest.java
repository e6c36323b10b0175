package vn.thidua.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.demo.DemoScenario;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.PledgeWork;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.Role;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.testing.DomainHarness;
import vn.thidua.domain.testing.Plans;
import vn.thidua.domain.testing.Waiting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processors that scale out: two query-side nodes on one event store and one MongoDB share the four segments of each
 * processor through the token store while events arrive; one dies (its threads stopped dead, nothing released) and
 * the other takes its segments once their claims expire, and finishes. The read models they built together equal,
 * byte for byte, those one node builds alone from the same events.
 */
class ScaleOutTest {

    private static final MetaData ACTOR = ActorMetadata.of("scale-out", Role.ORGANIZER, null, "scale-out", null);
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);
    /** Small batches, so that the work is spread over many batches and the death falls in the middle of it. */
    private static final Projections.Settings SETTINGS = new Projections.Settings(5, 4, Duration.ofMillis(300));

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private String uri;
    private MongoClient client;
    private DomainHarness domain;

    @BeforeEach
    void start() {
        var address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(uri);
        domain = new DomainHarness();
    }

    @AfterEach
    void stop() {
        domain.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void twoNodesShareTheSegmentsAndTheSurvivorOfAKillFinishesTheirWorkAsOneNodeWould() {
        EventStore events = domain.configuration().eventStore();
        DemoScenario.load().run(domain.gateway());

        ProjectionNode a = new ProjectionNode("node-a", events, uri, "shared", SETTINGS, CLAIM_TIMEOUT);
        await("node A claims every segment", () -> a.claimed().values().stream().allMatch(n -> n == 4));
        ProjectionNode b = new ProjectionNode("node-b", events, uri, "shared", SETTINGS, CLAIM_TIMEOUT);
        for (String group : ProjectionNode.GROUPS) {
            a.processor(group).releaseSegment(2, 60, TimeUnit.SECONDS);
            a.processor(group).releaseSegment(3, 60, TimeUnit.SECONDS);
        }
        await("the nodes share the segments, two each", () -> a.claimed().values().stream().allMatch(n -> n == 2)
                && b.claimed().values().stream().allMatch(n -> n == 2));

        loadCampaigns(0, 6); // events arrive while both nodes work
        a.kill();
        loadCampaigns(6, 12); // and go on arriving while node A's claims expire

        long head = events.createHeadToken().position().orElseThrow();
        await("node B takes over every segment and catches up", () -> b.claimed().values().stream()
                .allMatch(n -> n == 4) && ProjectionNode.GROUPS.stream().allMatch(g -> b.position(g) >= head));
        b.close();

        try (ProjectionNode single = new ProjectionNode("single", events, uri, "alone", SETTINGS, CLAIM_TIMEOUT)) {
            await("one node alone catches up", () -> ProjectionNode.GROUPS.stream()
                    .allMatch(g -> single.processor(g).processingStatus().size() == 4 && single.position(g) >= head));
        }
        var together = ReadModelDump.of(client.getDatabase("shared"));
        var byOne = ReadModelDump.of(client.getDatabase("alone"));
        assertThat(together.get(ReadModels.CAMPAIGNS)).hasSize(16);
        assertThat(ReadModelDump.difference(byOne, together)).isNull();
    }

    /** Campaigns of 6 units (works, inspections) and 4 proposals each granted, dated around today. */
    private void loadCampaigns(int from, int to) {
        LocalDate today = DomainClock.today();
        for (int c = from; c < to; c++) {
            String campaign = "scale-" + c;
            send(new LaunchCampaign(campaign, Plans.aroundToday(c + "/KH-UBND", 10, 10)));
            for (int u = 0; u < 6; u++) {
                send(new RegisterParticipant(campaign, "u-" + u, "Đơn vị " + u,
                        List.of(new PledgedWork("w-1", "Công trình số " + u, null))));
                send(new PledgeWork(campaign, "u-" + u, new PledgedWork("w-2", "Phần việc số " + u, null)));
                if (u % 2 == 0) {
                    send(new RecordInspection(campaign, "u-" + u, "kt-" + u, today, "Đoàn kiểm tra", "Đạt",
                            InspectionRating.GOOD));
                }
            }
            for (int p = 0; p < 4; p++) {
                String proposal = campaign + "-p-" + p;
                send(new SubmitProposal(proposal, campaign, "u-" + p,
                        new Nominee(TargetGroup.INDIVIDUAL, "Cán bộ " + p, "cb-" + p), "GK",
                        "Hoàn thành xuất sắc nhiệm vụ", today.getYear(), Plans.districtDossier()));
                send(new AppraiseProposal(proposal, true, "Đủ điều kiện"));
                send(new RecordCouncilVote(proposal, 9, 8, 1, 0));
                send(new GrantAward(proposal, c + "/QĐ-UBND", today, "Chủ tịch UBND huyện", "Chủ tịch"));
            }
        }
    }

    private void send(Object command) {
        domain.gateway().sendAndWait(command, ACTOR);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out: " + what);
            }
            Waiting.sleep(20);
        }
    }
}

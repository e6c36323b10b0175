package vn.thidua.command;

import vn.thidua.domain.common.Role;
import vn.thidua.domain.common.ActorMetadata;

import vn.thidua.service.axon.QuietAxon;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thidua.command.axon.RefusalDetails;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.campaign.value.DossierDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads, on two application nodes sharing one event store, grant awards on one scheme whose quota has
 * 3 places for individuals. Each node serialises commands on an aggregate with its own lock; across nodes only
 * the event store's sequence numbers stand between two grants. Exactly 3 awards are granted; every other grant is
 * refused with quota-exhausted, and nothing else goes wrong.
 */
class ConcurrentGrantTest {

    private static final int PROPOSALS = 24;
    private static final int QUOTA = 3;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        QuietAxon.apply();
        String db = "jdbc:h2:mem:grants-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        nodeA = node(db);
        nodeB = node(db);
    }

    private static ConfigurableApplicationContext node(String db) {
        return CommandServiceApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + db, "--jobrunr.background-job-server.enabled=false");
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    private static MetaData actor(String id, Role role) {
        return ActorMetadata.of(id, role, null, UUID.randomUUID().toString(), null);
    }

    @Test
    void concurrentGrantsNeverExceedTheQuota() throws Exception {
        CommandGateway a = nodeA.getBean(CommandGateway.class);
        CommandGateway b = nodeB.getBean(CommandGateway.class);
        LocalDate today = LocalDate.now(DomainClock.VIETNAM);
        CampaignPlan plan = EventJson.newMapper().convertValue(TestPlans.plan("CONC/KH-UBND", 1, QUOTA),
                CampaignPlan.class);
        String campaign = UUID.randomUUID().toString();
        a.sendAndWait(new LaunchCampaign(campaign, plan), actor("organizer", Role.ORGANIZER));
        a.sendAndWait(new RegisterParticipant(campaign, "u1", "Đảng bộ xã Mỹ An", null), actor("organizer", Role.ORGANIZER));
        List<DossierDocument> dossier = EventJson.newMapper().convertValue(TestPlans.districtDossier(),
                EventJson.newMapper().getTypeFactory().constructCollectionType(List.class, DossierDocument.class));
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            String p = UUID.randomUUID().toString();
            proposals.add(p);
            a.sendAndWait(new SubmitProposal(p, campaign, "u1", new Nominee(TargetGroup.INDIVIDUAL,
                    "Cá nhân số " + i, null), "GK", "Thành tích", today.getYear(), dossier), actor("organizer", Role.ORGANIZER));
            a.sendAndWait(new AppraiseProposal(p, true, "Đạt"), actor("organizer", Role.ORGANIZER));
            a.sendAndWait(new RecordCouncilVote(p, 9, 9, 0, 0), actor("council", Role.COUNCIL));
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, String> outcome = new ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            String p = proposals.get(i);
            CommandGateway gateway = i % 2 == 0 ? a : b;
            running.add(pool.submit(() -> {
                start.await();
                try {
                    gateway.sendAndWait(new GrantAward(p, "QĐ-" + p.substring(0, 8), today, "Chủ tịch", null),
                            actor("approver", Role.APPROVER));
                    outcome.put(p, "granted");
                } catch (CommandExecutionException e) {
                    outcome.put(p, e.getDetails().map(d -> ((RefusalDetails) d).code()).orElse(e.toString()));
                } catch (RuntimeException e) {
                    outcome.put(p, e.toString());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(outcome).hasSize(PROPOSALS);
        assertThat(outcome.values().stream().filter("granted"::equals).count()).isEqualTo(QUOTA);
        assertThat(outcome.values()).allMatch(o -> o.equals("granted") || o.equals("quota-exhausted"));

        EventStore store = nodeA.getBean(EventStore.class);
        List<Integer> used = store.readEvents(campaign).asStream().map(DomainEventMessage::getPayload)
                .filter(AwardQuotaConsumed.class::isInstance).map(e -> ((AwardQuotaConsumed) e).used()).toList();
        assertThat(used).containsExactly(1, 2, 3);
        long awards = proposals.stream().filter(p -> store.readEvents(p).asStream()
                .anyMatch(e -> e.getPayload() instanceof AwardGranted)).count();
        assertThat(awards).isEqualTo(QUOTA);
    }
}

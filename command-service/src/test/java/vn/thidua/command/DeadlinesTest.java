package vn.thidua.command;

import vn.thidua.domain.common.Role;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.domain.common.ActorMetadata;

import vn.thidua.service.axon.QuietAxon;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.EventJson;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines in the embedded default: Axon's JobRunr deadline manager on the H2 file records an overdue report when a
 * report milestone's due date has passed, as the platform's own act, and a deadline still to come survives a restart.
 */
class DeadlinesTest {

    @TempDir
    Path dataDir;

    @BeforeAll
    static void quiet() {
        QuietAxon.apply();
    }

    private ConfigurableApplicationContext start() {
        return CommandServiceApplication.builder().run("--server.port=0",
                "--thidua.data-dir=" + dataDir);
    }

    private static MetaData organizer() {
        return ActorMetadata.of("organizer", Role.ORGANIZER, null, UUID.randomUUID().toString(), null);
    }

    private static long scheduledJobs(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from jobrunr_jobs where state = 'SCHEDULED'", Long.class);
    }

    @Test
    void anOverdueReportIsRecordedBySystemAndAFutureDeadlineSurvivesRestart() throws Exception {
        LocalDate today = LocalDate.now(DomainClock.VIETNAM);
        LocalDate interimDue = today.minusDays(30);
        CampaignPlan template = EventJson.newMapper().convertValue(TestPlans.plan("DL/KH-UBND", 1, 1),
                CampaignPlan.class);
        CampaignPlan plan = template.withIssueDate(interimDue.minusDays(20))
                .withPeriod(new Period(interimDue.minusDays(20), today.plusYears(1)))
                .withMilestones(List.of(
                        new Milestone("SK", MilestoneKind.INTERIM_REPORT, "Sơ kết", interimDue, "Các đơn vị"),
                        new Milestone("TK", MilestoneKind.FINAL_REPORT, "Tổng kết", today.plusMonths(11),
                                "Các đơn vị")));
        String campaign = UUID.randomUUID().toString();

        try (ConfigurableApplicationContext first = start()) {
            CommandGateway gateway = first.getBean(CommandGateway.class);
            long scheduledBefore = scheduledJobs(first);
            // launch and registration happened on the due date: the unit owed the interim report
            // recorded as of the day the interim report was due: the registration is in time, the report missing
            MetaData asOfDueDate = organizer().and(ActorMetadata.AS_OF,
                    interimDue.atTime(9, 0).atZone(DomainClock.VIETNAM).toInstant().toString());
            gateway.sendAndWait(new LaunchCampaign(campaign, plan), asOfDueDate);
            gateway.sendAndWait(new RegisterParticipant(campaign, "u1", "Đảng bộ xã Mỹ An", null), asOfDueDate);

            EventStore store = first.getBean(EventStore.class);
            Optional<? extends DomainEventMessage<?>> overdue = Optional.empty();
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while (overdue.isEmpty() && Instant.now().isBefore(until)) {
                Waiting.sleep(250);
                overdue = store.readEvents(campaign).asStream()
                        .filter(e -> e.getPayload() instanceof ReportOverdue).findFirst();
            }
            assertThat(overdue).as("ReportOverdue within 60 s").isPresent();
            assertThat(overdue.get().getPayload())
                    .isEqualTo(new ReportOverdue(campaign, "u1", "SK", ReportKind.INTERIM, interimDue));
            assertThat(overdue.get().getMetaData()).containsEntry("actorId", "system")
                    .containsEntry("actorRole", "SYSTEM");
            assertThat(scheduledJobs(first)).isEqualTo(scheduledBefore + 1); // the final report's, next year
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(scheduledJobs(second)).isEqualTo(1);
            CommandGateway gateway = second.getBean(CommandGateway.class);
            gateway.sendAndWait(new RegisterParticipant(campaign, "u2", "Đảng bộ xã Nhị Thành", null), organizer());
            assertThat(second.getBean(EventStore.class).readEvents(campaign).asStream()
                    .filter(e -> e.getPayload() instanceof ReportOverdue).count()).isEqualTo(1);
        }
    }
}

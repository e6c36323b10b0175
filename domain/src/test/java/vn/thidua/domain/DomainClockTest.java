package vn.thidua.domain;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.testing.DomainHarness;
import vn.thidua.domain.testing.Plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command recorded as of a past moment takes it as "now" for its rules and its events, and changes nothing else. */
class DomainClockTest {

    @Test
    void aCommandRecordedAsOfAPastMomentIsDatedSoWithoutTouchingTheGlobalClock() {
        Clock global = GenericEventMessage.clock;
        Instant march = LocalDate.of(2020, 3, 2).atTime(9, 0).atZone(vn.thidua.domain.common.DomainClock.VIETNAM)
                .toInstant();
        try (DomainHarness domain = new DomainHarness()) {
            MetaData asOfMarch = MetaData.with(ActorMetadata.AS_OF, march.toString());
            domain.gateway().sendAndWait(new LaunchCampaign("c", Plans.plan()), asOfMarch);
            domain.gateway().sendAndWait(new RegisterParticipant("c", "u", "Xã A", List.of()), asOfMarch);
            assertThatThrownBy(() -> domain.gateway().sendAndWait(new RegisterParticipant("c", "v", "Xã B",
                    List.of()))).isInstanceOfSatisfying(DomainRuleException.class,
                    e -> assertThat(e.refusal()).isEqualTo(Refusal.REGISTRATION_CLOSED)); // today, not March 2020
            domain.gateway().sendAndWait(new LaunchCampaign("d", Plans.plan().withDocumentNumber("196/KH-UBND")));

            List<? extends EventMessage<?>> events = domain.allEvents();
            EventMessage<?> inMarch = events.stream().filter(e -> e.getPayload() instanceof ParticipantRegistered r
                    && r.unitId().equals("u")).findFirst().orElseThrow();
            assertThat(inMarch.getTimestamp()).isEqualTo(march);
            assertThat(((ParticipantRegistered) inMarch.getPayload()).registeredOn()).isEqualTo("2020-03-02");
            assertThat(inMarch.getMetaData()).containsEntry(ActorMetadata.AS_OF, march.toString());
            EventMessage<?> now = events.get(events.size() - 1);
            assertThat(now.getTimestamp()).isAfter(Instant.now().minusSeconds(60));
            assertThat(now.getMetaData()).doesNotContainKey(ActorMetadata.AS_OF);
        }
        assertThat(GenericEventMessage.clock).isSameAs(global);
    }
}

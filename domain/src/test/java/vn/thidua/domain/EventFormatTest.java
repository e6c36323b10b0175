package vn.thidua.domain;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.model.Campaign;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.plan.PlanRegistration;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.model.AwardProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.value.RevocationGround;
import vn.thidua.domain.proposal.command.RevokeAward;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.command.WithdrawProposal;
import vn.thidua.domain.testing.DomainHarness;
import vn.thidua.domain.testing.Plans;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of events: every event has a revision, and survives Axon's Jackson serializer unchanged. */
class EventFormatTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper())
            .build();

    /** Every type an aggregate sources its state from is an event. */
    private static Set<Class<?>> eventTypes() {
        Set<Class<?>> types = new HashSet<>();
        for (Class<?> aggregate : List.of(Campaign.class, AwardProposal.class, PlanRegistration.class)) {
            for (Method m : aggregate.getDeclaredMethods()) {
                if (m.isAnnotationPresent(EventSourcingHandler.class)) {
                    types.add(m.getParameterTypes()[0]);
                }
            }
        }
        return types;
    }

    @Test
    void everyEventCarriesARevision() {
        assertThat(eventTypes()).hasSize(24).allSatisfy(type ->
                assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull());
    }

    @Test
    void everyEventRoundTripsThroughTheStoredJson() {
        List<Object> events = new ArrayList<>(sampleHistory());
        events.add(new ReportOverdue("c", "u", "SK", ReportKind.INTERIM, Plans.INTERIM_DUE)); // a deadline's fact
        Set<Class<?>> seen = new HashSet<>();
        for (Object event : events) {
            SerializedObject<String> json = serializer.serialize(event, String.class);
            assertThat(json.getType().getRevision()).isEqualTo("1");
            Object back = serializer.deserialize(json);
            assertThat(back).isEqualTo(event);
            seen.add(event.getClass());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(eventTypes());
    }

    @Test
    void revisionOneOfAwardGrantedStillReads() throws IOException {
        String stored;
        try (InputStream in = getClass().getResourceAsStream("/event-json/AwardGranted-1.json")) {
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                new SimpleSerializedType(AwardGranted.class.getName(), "1")));
        assertThat(read).isEqualTo(new AwardGranted("p-1", "c-1", "GK-HUYEN",
                new Nominee(TargetGroup.INDIVIDUAL, "Nguyễn Thị Hoa", null), 2020,
                new AwardDecision("1234/QĐ-UBND", LocalDate.of(2020, 8, 1), "Nguyễn Đăng Minh Xuân", "Chủ tịch")));
    }

    /** A history that produces every kind of event but the deadline's. */
    private static List<Object> sampleHistory() {
        try (DomainHarness d = new DomainHarness()) {
            CampaignPlan plan = Plans.plan();
            LocalDate june = LocalDate.of(2020, 6, 1);
            d.on(Plans.ISSUED, new LaunchCampaign("c", plan));
            d.on(Plans.ISSUED, new vn.thidua.domain.campaign.command.AmendCampaign("c", "Bổ sung", plan));
            d.on(Plans.ISSUED, new vn.thidua.domain.campaign.command.AllocateQuota("c", Plans.BANG_KHEN, 1, 1, "CV 1"));
            d.on(Plans.ISSUED, new RegisterParticipant("c", "u", "Xã A", List.of(
                    new vn.thidua.domain.campaign.value.PledgedWork("w", "Công trình", null))));
            d.on(june, new vn.thidua.domain.campaign.command.RecordInspection("c", "u", "i", june, "Đoàn", "Tốt",
                    vn.thidua.domain.campaign.value.InspectionRating.GOOD));
            d.on(june, new vn.thidua.domain.campaign.command.SubmitReport("c", "u", "r", ReportKind.INTERIM, null, "Sơ kết"));
            Nominee a = new Nominee(TargetGroup.INDIVIDUAL, "A", null);
            Nominee b = new Nominee(TargetGroup.INDIVIDUAL, "B", null);
            Nominee c = new Nominee(TargetGroup.INDIVIDUAL, "C", null);
            d.on(june, new SubmitProposal("pa", "c", "u", a, Plans.GIAY_KHEN, "x", 2020, Plans.districtDossier()));
            d.on(june, new vn.thidua.domain.proposal.command.ReturnForSupplement("pa", "Thiếu"));
            d.on(june, new vn.thidua.domain.proposal.command.SupplementProposal("pa", "u", Plans.districtDossier(), null));
            d.on(june, new AppraiseProposal("pa", true, "Đạt"));
            d.on(june, new RecordCouncilVote("pa", 9, 9, 0, 0));
            d.on(june, new GrantAward("pa", "1/QĐ", june, "Chủ tịch", null));
            d.on(june, new RevokeAward("pa", RevocationGround.STANDARD_NOT_MET, "2/QĐ", june, null));
            d.on(june, new SubmitProposal("pb", "c", "u", b, Plans.GIAY_KHEN, "x", 2020, Plans.districtDossier()));
            d.on(june, new AppraiseProposal("pb", false, "Không đạt"));
            d.on(june, new vn.thidua.domain.proposal.command.RejectProposal("pb", "Không đạt"));
            d.on(june, new SubmitProposal("pc", "c", "u", c, Plans.GIAY_KHEN, "x", 2020, Plans.districtDossier()));
            d.on(june, new WithdrawProposal("pc", "u", "Rút"));
            d.on(Plans.PROPOSALS_DUE, new vn.thidua.domain.campaign.command.ConcludeCampaign("c", null));
            d.on(Plans.PROPOSALS_DUE, new vn.thidua.domain.campaign.command.CloseCampaign("c", null));
            return d.allEvents().stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        }
    }
}

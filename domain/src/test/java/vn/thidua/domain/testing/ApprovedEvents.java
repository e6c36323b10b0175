package vn.thidua.domain.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.command.AllocateQuota;
import vn.thidua.domain.campaign.command.AmendCampaign;
import vn.thidua.domain.campaign.command.CloseCampaign;
import vn.thidua.domain.campaign.command.ConcludeCampaign;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.command.SubmitReport;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.plan.PlanEvent;
import vn.thidua.domain.proposal.ProposalEvent;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.RejectProposal;
import vn.thidua.domain.proposal.command.ReturnForSupplement;
import vn.thidua.domain.proposal.command.RevokeAward;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.command.SupplementProposal;
import vn.thidua.domain.proposal.command.WithdrawProposal;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.RevocationGround;
import vn.thidua.domain.upcasting.EventUpcasters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The approved stored form of every event: one JSON fixture per event type and revision, in the domain's test
 * resources under {@value #FOLDER} ({@code <SimpleName>-<revision>.json}), and the history that produces one event of
 * every type. Fixtures are read as the platform reads stored events: through {@link EventUpcasters#ALL}.
 */
public final class ApprovedEvents {

    public static final String FOLDER = "events";
    public static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventJson.newMapper()).build();
    /** Trees that keep a decimal's scale (1.0000 stays 1.0000: an event's ratio is stored so). */
    private static final ObjectMapper JSON = EventJson.newMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ApprovedEvents() {
    }

    /** Every event type: the three families' permitted records. */
    public static List<Class<?>> types() {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> family : List.of(CampaignEvent.class, ProposalEvent.class, PlanEvent.class)) {
            types.addAll(List.of(family.getPermittedSubclasses()));
        }
        return types;
    }

    public static String revision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    public static String fixtureName(Class<?> type, String revision) {
        return type.getSimpleName() + "-" + revision + ".json";
    }

    /** The fixture's text, or null when there is none. */
    public static String fixture(Class<?> type, String revision) {
        try (InputStream in = ApprovedEvents.class.getResourceAsStream("/" + FOLDER + "/"
                + fixtureName(type, revision))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored event's JSON at a revision, read as the event store reads it: upcast, then deserialised. */
    public static Object read(Class<?> type, String revision, String json) {
        var stored = new SimpleSerializedObject<>(json, String.class, new SimpleSerializedType(type.getName(),
                revision));
        var entry = new GenericDomainEventEntry<>("Aggregate", "id", 0, "event-id", Instant.EPOCH,
                stored.getType().getName(), stored.getType().getRevision(), json, "{}");
        Stream<IntermediateEventRepresentation> upcast = new EventUpcasterChain(EventUpcasters.ALL)
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER)));
        List<IntermediateEventRepresentation> result = upcast.toList();
        if (result.size() != 1) {
            throw new IllegalStateException(type.getSimpleName() + "-" + revision + " upcast to " + result.size()
                    + " events");
        }
        IntermediateEventRepresentation current = result.get(0);
        return SERIALIZER.deserialize(current.getData(String.class));
    }

    /** The event each current-revision fixture holds. */
    public static List<Object> current() {
        List<Object> events = new ArrayList<>();
        for (Class<?> type : types()) {
            String json = fixture(type, revision(type));
            if (json != null) {
                events.add(read(type, revision(type), json));
            }
        }
        return events;
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(Object event) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(
                    SERIALIZER.serialize(event, String.class).getData())) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first event of each type of a history that runs every command of both aggregates, and a deadline's. */
    public static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> first = new LinkedHashMap<>();
        List<Object> events = new ArrayList<>(history());
        events.add(new ReportOverdue("c", "u", "TK", ReportKind.FINAL, Plans.FINAL_DUE)); // a deadline's fact
        events.forEach(e -> first.putIfAbsent(e.getClass(), e));
        return first;
    }

    private static List<Object> history() {
        try (DomainHarness d = new DomainHarness()) {
            LocalDate june = LocalDate.of(2020, 6, 1);
            d.on(Plans.ISSUED, new LaunchCampaign("c", Plans.plan()));
            d.on(Plans.ISSUED, new AmendCampaign("c", "Bổ sung", Plans.plan()));
            d.on(Plans.ISSUED, new AllocateQuota("c", Plans.BANG_KHEN, 1, 1, "CV 1"));
            d.on(Plans.ISSUED, new RegisterParticipant("c", "u", "Xã A",
                    List.of(new PledgedWork("w", "Công trình", null))));
            d.on(june, new RecordInspection("c", "u", "i", june, "Đoàn", "Tốt", InspectionRating.GOOD));
            d.on(june, new SubmitReport("c", "u", "r", ReportKind.INTERIM, null, "Sơ kết"));
            Nominee a = new Nominee(TargetGroup.INDIVIDUAL, "Nguyễn Thị Hoa", null);
            Nominee b = new Nominee(TargetGroup.INDIVIDUAL, "B", null);
            Nominee c = new Nominee(TargetGroup.INDIVIDUAL, "C", null);
            d.on(june, new SubmitProposal("pa", "c", "u", a, Plans.GIAY_KHEN, "x", 2020, Plans.districtDossier()));
            d.on(june, new ReturnForSupplement("pa", "Thiếu"));
            d.on(june, new SupplementProposal("pa", "u", Plans.districtDossier(), null));
            d.on(june, new AppraiseProposal("pa", true, "Đạt"));
            d.on(june, new RecordCouncilVote("pa", 9, 9, 0, 0));
            d.on(june, new GrantAward("pa", "1/QĐ", june, "Chủ tịch", null));
            d.on(june, new RevokeAward("pa", RevocationGround.STANDARD_NOT_MET, "2/QĐ", june, null));
            d.on(june, new SubmitProposal("pb", "c", "u", b, Plans.GIAY_KHEN, "x", 2020, Plans.districtDossier()));
            d.on(june, new AppraiseProposal("pb", false, "Không đạt"));
            d.on(june, new RejectProposal("pb", "Không đạt"));
            d.on(june, new SubmitProposal("pc", "c", "u", c, Plans.GIAY_KHEN, "x", 2020, Plans.districtDossier()));
            d.on(june, new WithdrawProposal("pc", "u", "Rút"));
            d.on(Plans.PROPOSALS_DUE, new ConcludeCampaign("c", null));
            d.on(Plans.PROPOSALS_DUE, new CloseCampaign("c", null));
            return d.allEvents().stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        }
    }
}

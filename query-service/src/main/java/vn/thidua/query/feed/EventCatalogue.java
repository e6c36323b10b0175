package vn.thidua.query.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.AwardQuotaReleased;
import vn.thidua.domain.campaign.CampaignAmended;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignConcluded;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.InspectionRecorded;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.campaign.ProposalReleased;
import vn.thidua.domain.campaign.QuotaAllocated;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.plan.PlanEvent;
import vn.thidua.domain.plan.PlanRegistered;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.CouncilVoteRecorded;
import vn.thidua.domain.proposal.ProposalAppraised;
import vn.thidua.domain.proposal.ProposalEvent;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.proposal.ProposalReturnedForSupplement;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.ProposalSupplemented;
import vn.thidua.domain.proposal.ProposalWithdrawn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event type the feed hands out: its stable CloudEvents type ({@code vn.thidua.campaign.ParticipantRegistered.v1}:
 * family, event, revision), the aggregate it belongs to, a one-line description in Vietnamese and in English, and a
 * JSON Schema of its data generated from the event record itself (the stored payload is that record in the event
 * serializer's JSON). The types are the permitted members of the three sealed event families, so a new event is
 * listed as soon as it is declared; {@link #undescribed()} names any without its two descriptions, and a test
 * requires it empty.
 */
public final class EventCatalogue {

    /**
     * One event type. {@code name} is the simple class name the audit trail and the filters use;
     * {@code cloudEventType} its CloudEvents {@code type}, {@code vn.thidua.<family>.<name>.v<revision>}, joined once
     * here (the feed names every event it writes by it).
     */
    public record EventType(String name, Class<?> payloadClass, String revision, String family, String aggregateType,
                            String vi, String en, String cloudEventType) {

        EventType(String name, Class<?> payloadClass, String revision, String family, String aggregateType,
                  String vi, String en) {
            this(name, payloadClass, revision, family, aggregateType, vi, en,
                    "vn.thidua." + family + "." + name + ".v" + revision);
        }
    }

    private record Family(String name, String aggregateType, Class<?> sealedInterface) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("campaign", "Campaign", CampaignEvent.class),
            new Family("proposal", "AwardProposal", ProposalEvent.class),
            new Family("plan", "PlanRegistration", PlanEvent.class));

    private static final Map<Class<?>, String[]> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        describe(CampaignLaunched.class, "Phong trào thi đua được phát động theo một kế hoạch",
                "A campaign was launched by a written plan");
        describe(CampaignAmended.class, "Kế hoạch của phong trào được sửa đổi, kèm lý do",
                "The campaign's plan was amended, with the reason");
        describe(QuotaAllocated.class, "Chỉ tiêu khen thưởng của một hình thức được phân bổ",
                "The quota of an award scheme was allocated");
        describe(ParticipantRegistered.class, "Một đơn vị đăng ký tham gia thi đua",
                "A unit registered to take part in the campaign");
        describe(WorkPledged.class, "Một đơn vị đăng ký công trình, phần việc",
                "A unit pledged a work");
        describe(InspectionRecorded.class, "Kết quả kiểm tra một đơn vị được ghi nhận",
                "The result of inspecting a unit was recorded");
        describe(ReportSubmitted.class, "Một đơn vị nộp báo cáo theo mốc của kế hoạch",
                "A unit submitted a report due at a milestone of the plan");
        describe(ReportOverdue.class, "Một đơn vị chưa nộp báo cáo khi đã quá hạn",
                "A unit's report was not submitted by its due date");
        describe(ProposalAdmitted.class, "Hồ sơ đề nghị được nhận vào phong trào, trong chỉ tiêu",
                "An award proposal was admitted to the campaign, within its quota");
        describe(ProposalReleased.class, "Hồ sơ đề nghị rời phong trào (bị từ chối hoặc rút)",
                "An award proposal left the campaign (rejected or withdrawn)");
        describe(AwardQuotaConsumed.class, "Một suất chỉ tiêu khen thưởng được dùng",
                "One place of an award quota was used");
        describe(AwardQuotaReleased.class, "Một suất chỉ tiêu khen thưởng được trả lại",
                "One place of an award quota was given back");
        describe(CampaignClosed.class, "Phong trào kết thúc nhận đăng ký và báo cáo",
                "The campaign closed to registrations and reports");
        describe(CampaignConcluded.class, "Phong trào được tổng kết",
                "The campaign was concluded");
        describe(ProposalSubmitted.class, "Hồ sơ đề nghị khen thưởng được nộp",
                "An award proposal was submitted with its dossier");
        describe(ProposalReturnedForSupplement.class, "Hồ sơ đề nghị được trả lại để bổ sung",
                "An award proposal was returned for supplementing");
        describe(ProposalSupplemented.class, "Hồ sơ đề nghị được bổ sung",
                "An award proposal was supplemented");
        describe(ProposalAppraised.class, "Hồ sơ đề nghị được thẩm định",
                "An award proposal was appraised");
        describe(CouncilVoteRecorded.class, "Kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng được ghi nhận",
                "The emulation and commendation council's vote was recorded");
        describe(AwardGranted.class, "Khen thưởng được quyết định (một văn bản pháp lý)",
                "An award was granted by a decision (a legal act)");
        describe(ProposalRejected.class, "Hồ sơ đề nghị bị từ chối",
                "An award proposal was rejected");
        describe(ProposalWithdrawn.class, "Hồ sơ đề nghị được rút",
                "An award proposal was withdrawn");
        describe(AwardRevoked.class, "Khen thưởng bị thu hồi bằng một quyết định",
                "An award was revoked by a decision");
        describe(PlanRegistered.class, "Số kế hoạch của một cơ quan được đăng ký cho một phong trào",
                "An issuer's plan number was registered for a campaign");
    }

    private static void describe(Class<?> type, String vi, String en) {
        DESCRIPTIONS.put(type, new String[]{vi, en});
    }

    private static final List<EventType> TYPES;
    private static final Map<String, EventType> BY_CLASS_NAME = new LinkedHashMap<>();
    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, EventType> BY_CLOUD_EVENT_TYPE = new LinkedHashMap<>();

    static {
        List<EventType> types = new ArrayList<>();
        for (Family family : FAMILIES) {
            for (Class<?> member : family.sealedInterface().getPermittedSubclasses()) {
                String[] text = DESCRIPTIONS.getOrDefault(member, new String[]{null, null});
                Revision revision = member.getAnnotation(Revision.class);
                EventType type = new EventType(member.getSimpleName(), member,
                        revision == null ? "0" : revision.value(), family.name(), family.aggregateType(),
                        text[0], text[1]);
                types.add(type);
                BY_CLASS_NAME.put(member.getName(), type);
                BY_NAME.put(type.name(), type);
                BY_CLOUD_EVENT_TYPE.put(type.cloudEventType(), type);
            }
        }
        TYPES = Collections.unmodifiableList(types);
    }

    /**
     * Records as the event serializer writes them: every component always present (null when empty), dates as ISO
     * strings, enums by name (or by their {@code @JsonValue}), no other property.
     */
    private static final SchemaGenerator GENERATOR;

    static {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.NULLABLE_FIELDS_BY_DEFAULT);
        config.forFields().withRequiredCheck(field -> true);
        // a value type written through its @JsonValue accessor (Level: "PROVINCE") is that accessor's type
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> erased = type.getErasedType();
            if (erased.isEnum() || erased.isPrimitive() || erased.getName().startsWith("java.")) {
                return null;
            }
            for (java.lang.reflect.Method method : erased.getMethods()) {
                if (method.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)
                        && method.getParameterCount() == 0) {
                    return new com.github.victools.jsonschema.generator.CustomDefinition(context.createDefinition(
                            context.getTypeContext().resolve(method.getGenericReturnType())));
                }
            }
            return null;
        });
        GENERATOR = new SchemaGenerator(config.build());
    }
    private static final Map<Class<?>, ObjectNode> SCHEMAS = new ConcurrentHashMap<>();

    private EventCatalogue() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    /** The type of a stored payload, by its class name as the event store keeps it. */
    public static Optional<EventType> ofStoredType(String className) {
        return Optional.ofNullable(BY_CLASS_NAME.get(className));
    }

    /** A type as a client names it: the event's name ({@code AwardGranted}) or its CloudEvents type. */
    public static Optional<EventType> named(String name) {
        EventType type = BY_NAME.get(name);
        return type != null ? Optional.of(type) : Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(name));
    }

    /** The JSON Schema (2020-12) of the type's data, generated from its record once and kept. */
    public static ObjectNode schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type.payloadClass(), GENERATOR::generateSchema).deepCopy();
    }

    /** Event types without their Vietnamese and English descriptions: must be none. */
    public static List<String> undescribed() {
        return TYPES.stream().filter(t -> t.vi() == null || t.en() == null).map(EventType::name).toList();
    }
}

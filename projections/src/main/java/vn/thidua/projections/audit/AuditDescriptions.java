package vn.thidua.projections.audit;

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
import vn.thidua.domain.campaign.value.ReportKind;
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

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one-line Vietnamese description of each event in the audit trail, one per event type of the three families
 * ({@link CampaignEvent}, {@link ProposalEvent}, {@link PlanEvent}); {@link #undescribed()} names any the list lacks,
 * and a test requires it empty.
 */
public final class AuditDescriptions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<Class<?>, Function<Object, String>> BY_TYPE = new HashMap<>();

    static {
        on(CampaignLaunched.class, e ->
                "Phát động phong trào «" + e.plan().title() + "» theo kế hoạch số " + e.plan().documentNumber()
                + " của " + e.plan().issuer().name());
        on(CampaignAmended.class, e -> "Sửa đổi kế hoạch phong trào «" + e.plan().title() + "»: " + e.reason());
        on(QuotaAllocated.class, e ->
                "Phân bổ chỉ tiêu khen thưởng " + e.schemeId() + ": " + e.collectives() + " tập thể, "
                + e.individuals() + " cá nhân (" + e.reference() + ")");
        on(ParticipantRegistered.class, e ->
                "Đơn vị «" + e.unitName() + "» đăng ký thi đua ngày " + date(e.registeredOn()));
        on(WorkPledged.class, e -> "Đơn vị " + e.unitId() + " đăng ký công trình, phần việc «" + e.work().title() + "»"
                + (e.late() ? " (sau hạn " + date(e.dueDate()) + ")" : ""));
        on(InspectionRecorded.class, e ->
                "Kiểm tra đơn vị " + e.unitId() + " ngày " + date(e.inspectedOn()) + " (" + e.inspectedBy()
                + "): xếp loại " + e.rating());
        on(ReportSubmitted.class, e ->
                "Đơn vị " + e.unitId() + " nộp báo cáo " + report(e.kind()) + " ngày " + date(e.submittedOn())
                + (e.late() ? ", trễ hạn " + date(e.dueDate()) : ", đúng hạn"));
        on(ReportOverdue.class, e -> "Đơn vị " + e.unitId() + " quá hạn nộp báo cáo " + report(e.kind()) + " (hạn "
                + date(e.dueDate()) + ")");
        on(CampaignConcluded.class, e -> "Tổng kết phong trào ngày " + date(e.concludedOn()));
        on(CampaignClosed.class, e -> "Khép lại phong trào ngày " + date(e.closedOn()));
        on(ProposalAdmitted.class, e ->
                "Tiếp nhận đề nghị khen thưởng " + e.nomineeKind().label() + " «" + e.nomineeName() + "» ("
                + e.schemeId() + ")");
        on(ProposalReleased.class, e -> "Giải phóng suất đề nghị của " + e.nomineeKey() + " (" + e.outcome() + ")");
        on(AwardQuotaConsumed.class, e ->
                "Dùng một suất khen thưởng " + e.schemeId() + " (" + e.bucket().label() + "): " + e.used() + "/"
                + e.limit());
        on(AwardQuotaReleased.class, e ->
                "Trả lại một suất khen thưởng " + e.schemeId() + " (" + e.bucket().label() + "): " + e.used()
                + "/" + e.limit());
        on(ProposalSubmitted.class, e -> "Đơn vị " + e.proposingUnitId() + " đề nghị " + e.terms().form() + " cho "
                + e.nominee().kind().label() + " «" + e.nominee().name() + "» (" + e.documents().size()
                + " loại tài liệu)");
        on(ProposalReturnedForSupplement.class, e -> "Trả hồ sơ đề nghị để bổ sung: " + e.reason());
        on(ProposalSupplemented.class, e -> "Bổ sung hồ sơ đề nghị ngày " + date(e.supplementedOn()));
        on(ProposalAppraised.class, e ->
                "Thẩm định hồ sơ: " + (e.favourable() ? "đủ điều kiện" : "không đủ điều kiện"));
        on(CouncilVoteRecorded.class, e ->
                "Hội đồng bỏ phiếu: " + e.votesFor() + "/" + e.membersTotal() + " tán thành — "
                + (e.approved() ? "đạt" : "không đạt") + " (ngưỡng " + e.threshold() + ")");
        on(AwardGranted.class, e ->
                "Khen thưởng «" + e.nominee().name() + "» theo quyết định số " + e.decision().number()
                + " ngày " + date(e.decision().date()));
        on(ProposalRejected.class, e -> "Không khen thưởng: " + e.reason());
        on(ProposalWithdrawn.class, e -> "Rút đề nghị khen thưởng: " + e.reason());
        on(AwardRevoked.class, e -> "Hủy quyết định khen thưởng (" + e.ground().label() + ") theo quyết định số "
                + e.decisionNumber() + " ngày " + date(e.decisionDate()));
        on(PlanRegistered.class, e ->
                "Ghi nhận kế hoạch số " + e.documentNumber() + " của " + e.issuer() + " cho phong trào "
                + e.campaignId());
    }

    private AuditDescriptions() {
    }

    private static <E> void on(Class<E> type, Function<E, String> describe) {
        BY_TYPE.put(type, event -> describe.apply(type.cast(event)));
    }

    /**
     * The description of an event; an event of no family (a type stored by a newer version, say) is named by its
     * type, so that no event can stop the audit trail.
     */
    public static String describe(Object event) {
        Function<Object, String> description = BY_TYPE.get(event.getClass());
        return description == null ? event.getClass().getSimpleName() : description.apply(event);
    }

    /** Event types of the families that have no description here. */
    public static List<Class<?>> undescribed() {
        return Stream.of(CampaignEvent.class, ProposalEvent.class, PlanEvent.class)
                .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
                .filter(type -> !BY_TYPE.containsKey(type))
                .toList();
    }

    private static String report(ReportKind kind) {
        return kind == ReportKind.INTERIM ? "sơ kết" : "tổng kết";
    }

    private static String date(LocalDate date) {
        return date == null ? "?" : date.format(DATE);
    }
}

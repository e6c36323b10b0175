package vn.thidua.projections;

import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.AwardQuotaReleased;
import vn.thidua.domain.campaign.CampaignAmended;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignConcluded;
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
import vn.thidua.domain.plan.PlanRegistered;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.CouncilVoteRecorded;
import vn.thidua.domain.proposal.ProposalAppraised;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.proposal.ProposalReturnedForSupplement;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.ProposalSupplemented;
import vn.thidua.domain.proposal.ProposalWithdrawn;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The one-line Vietnamese description of each event in the audit trail. */
public final class AuditDescriptions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private AuditDescriptions() {
    }

    public static String describe(Object event) {
        if (event instanceof CampaignLaunched e) {
            return "Phát động phong trào «" + e.plan().title() + "» theo kế hoạch số " + e.plan().documentNumber()
                    + " của " + e.plan().issuer().name();
        }
        if (event instanceof CampaignAmended e) {
            return "Sửa đổi kế hoạch phong trào «" + e.plan().title() + "»: " + e.reason();
        }
        if (event instanceof QuotaAllocated e) {
            return "Phân bổ chỉ tiêu khen thưởng " + e.schemeId() + ": " + e.collectives() + " tập thể, "
                    + e.individuals() + " cá nhân (" + e.reference() + ")";
        }
        if (event instanceof ParticipantRegistered e) {
            return "Đơn vị «" + e.unitName() + "» đăng ký thi đua ngày " + date(e.registeredOn());
        }
        if (event instanceof WorkPledged e) {
            return "Đơn vị " + e.unitId() + " đăng ký công trình, phần việc «" + e.work().title() + "»"
                    + (e.late() ? " (sau hạn " + date(e.dueDate()) + ")" : "");
        }
        if (event instanceof InspectionRecorded e) {
            return "Kiểm tra đơn vị " + e.unitId() + " ngày " + date(e.inspectedOn()) + " (" + e.inspectedBy()
                    + "): xếp loại " + e.rating();
        }
        if (event instanceof ReportSubmitted e) {
            return "Đơn vị " + e.unitId() + " nộp báo cáo " + report(e.kind()) + " ngày " + date(e.submittedOn())
                    + (e.late() ? ", trễ hạn " + date(e.dueDate()) : ", đúng hạn");
        }
        if (event instanceof ReportOverdue e) {
            return "Đơn vị " + e.unitId() + " quá hạn nộp báo cáo " + report(e.kind()) + " (hạn "
                    + date(e.dueDate()) + ")";
        }
        if (event instanceof CampaignConcluded e) {
            return "Tổng kết phong trào ngày " + date(e.concludedOn());
        }
        if (event instanceof CampaignClosed e) {
            return "Khép lại phong trào ngày " + date(e.closedOn());
        }
        if (event instanceof ProposalAdmitted e) {
            return "Tiếp nhận đề nghị khen thưởng " + e.nomineeKind().label() + " «" + e.nomineeName() + "» ("
                    + e.schemeId() + ")";
        }
        if (event instanceof ProposalReleased e) {
            return "Giải phóng suất đề nghị của " + e.nomineeKey() + " (" + e.outcome() + ")";
        }
        if (event instanceof AwardQuotaConsumed e) {
            return "Dùng một suất khen thưởng " + e.schemeId() + " (" + e.bucket().label() + "): " + e.used() + "/"
                    + e.limit();
        }
        if (event instanceof AwardQuotaReleased e) {
            return "Trả lại một suất khen thưởng " + e.schemeId() + " (" + e.bucket().label() + "): " + e.used()
                    + "/" + e.limit();
        }
        if (event instanceof ProposalSubmitted e) {
            return "Đơn vị " + e.proposingUnitId() + " đề nghị " + e.terms().form() + " cho "
                    + e.nominee().kind().label() + " «" + e.nominee().name() + "» (" + e.documents().size()
                    + " loại tài liệu)";
        }
        if (event instanceof ProposalReturnedForSupplement e) {
            return "Trả hồ sơ đề nghị để bổ sung: " + e.reason();
        }
        if (event instanceof ProposalSupplemented e) {
            return "Bổ sung hồ sơ đề nghị ngày " + date(e.supplementedOn());
        }
        if (event instanceof ProposalAppraised e) {
            return "Thẩm định hồ sơ: " + (e.favourable() ? "đủ điều kiện" : "không đủ điều kiện");
        }
        if (event instanceof CouncilVoteRecorded e) {
            return "Hội đồng bỏ phiếu: " + e.votesFor() + "/" + e.membersTotal() + " tán thành — "
                    + (e.approved() ? "đạt" : "không đạt") + " (ngưỡng " + e.threshold() + ")";
        }
        if (event instanceof AwardGranted e) {
            return "Khen thưởng «" + e.nominee().name() + "» theo quyết định số " + e.decision().number()
                    + " ngày " + date(e.decision().date());
        }
        if (event instanceof ProposalRejected e) {
            return "Không khen thưởng: " + e.reason();
        }
        if (event instanceof ProposalWithdrawn e) {
            return "Rút đề nghị khen thưởng: " + e.reason();
        }
        if (event instanceof AwardRevoked e) {
            return "Hủy quyết định khen thưởng (" + e.ground().label() + ") theo quyết định số "
                    + e.decisionNumber() + " ngày " + date(e.decisionDate());
        }
        if (event instanceof PlanRegistered e) {
            return "Ghi nhận kế hoạch số " + e.documentNumber() + " của " + e.issuer() + " cho phong trào "
                    + e.campaignId();
        }
        return event.getClass().getSimpleName();
    }

    private static String report(ReportKind kind) {
        return kind == ReportKind.INTERIM ? "sơ kết" : "tổng kết";
    }

    private static String date(LocalDate date) {
        return date == null ? "?" : date.format(DATE);
    }
}

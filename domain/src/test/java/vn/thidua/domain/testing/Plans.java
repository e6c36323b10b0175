package vn.thidua.domain.testing;

import vn.thidua.domain.campaign.value.ApprovalThreshold;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignKind;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.DocumentRequirement;
import vn.thidua.domain.campaign.value.DocumentType;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.DossierRequirement;
import vn.thidua.domain.campaign.value.Issuer;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.campaign.value.Signer;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.TargetGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A plan shaped like seed 2 (Thủ Thừa): a district Giấy khen with a fixed quota and a provincial Bằng khen
 * pending allocation, dossier rules per level, and registration, report and proposal milestones in 2020.
 */
public final class Plans {

    public static final String GIAY_KHEN = "GK-HUYEN";
    public static final String BANG_KHEN = "BK-TINH";
    public static final LocalDate ISSUED = LocalDate.of(2020, 2, 12);
    public static final LocalDate REGISTRATION_DUE = LocalDate.of(2020, 3, 31);
    public static final LocalDate INTERIM_DUE = LocalDate.of(2020, 6, 30);
    public static final LocalDate FINAL_DUE = LocalDate.of(2020, 12, 15);
    public static final LocalDate PROPOSALS_DUE = LocalDate.of(2021, 1, 15);

    /** 10:00 in Vietnam on the given date: the fixtures' "now". */
    public static Instant at(LocalDate date) {
        return date.atTime(10, 0).atZone(vn.thidua.domain.common.DomainClock.VIETNAM).toInstant();
    }

    private Plans() {
    }

    public static CampaignPlan plan() {
        return plan(Quota.of(2, 3), Quota.pendingAllocation());
    }

    public static CampaignPlan plan(Quota giayKhenQuota, Quota bangKhenQuota) {
        return new CampaignPlan("195/KH-UBND", new Issuer("UBND huyện Bố Trạch", Level.DISTRICT), "Bố Trạch",
                ISSUED, new Signer("Trần Quang Vũ", "Chủ tịch", "TM. Ủy ban nhân dân"),
                "Đợt thi đua đặc biệt năm 2020", "Bố Trạch thi đua đổi mới, sáng tạo",
                "Kỷ cương, liêm chính, hành động, trách nhiệm, sáng tạo, hiệu quả", CampaignKind.SPECIAL,
                new Period(ISSUED, LocalDate.of(2020, 12, 31)),
                Set.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL),
                List.of(new AwardScheme(GIAY_KHEN, "Giấy khen", "Chủ tịch UBND huyện", Level.DISTRICT,
                                Set.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL), giayKhenQuota,
                                ApprovalThreshold.simpleMajority()),
                        new AwardScheme(BANG_KHEN, "Bằng khen", "Chủ tịch UBND tỉnh", Level.PROVINCE,
                                Set.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL), bangKhenQuota,
                                ApprovalThreshold.atLeast("0.9"))),
                List.of(new DossierRequirement(Level.PROVINCE, List.of(
                                new DocumentRequirement(DocumentType.SUBMISSION_MEMO, 1),
                                new DocumentRequirement(DocumentType.MEETING_MINUTES, 1),
                                new DocumentRequirement(DocumentType.ACHIEVEMENT_REPORT, 3))),
                        new DossierRequirement(Level.DISTRICT, List.of(
                                new DocumentRequirement(DocumentType.SUBMISSION_MEMO, 1),
                                new DocumentRequirement(DocumentType.MEETING_MINUTES, 1),
                                new DocumentRequirement(DocumentType.ACHIEVEMENT_REPORT, 1)))),
                List.of(new Milestone("DK", MilestoneKind.REGISTRATION, "Hạn đăng ký thi đua", REGISTRATION_DUE,
                                "Phòng Nội vụ"),
                        new Milestone("SK", MilestoneKind.INTERIM_REPORT, "Báo cáo sơ kết", INTERIM_DUE,
                                "Các cơ quan, đơn vị"),
                        new Milestone("TK", MilestoneKind.FINAL_REPORT, "Báo cáo tổng kết", FINAL_DUE,
                                "Các cơ quan, đơn vị"),
                        new Milestone("HS", MilestoneKind.PROPOSAL, "Hạn nộp hồ sơ khen thưởng", PROPOSALS_DUE,
                                "Phòng Nội vụ")),
                List.of("HĐ TĐKT tỉnh", "UBND các xã, thị trấn"));
    }

    /**
     * A plan dated around today (issued ten days ago, running six months), for tests that go through the API or the
     * real clock: a district Giấy khen "GK" with the given quota and a provincial Bằng khen "BK" pending allocation;
     * an interim report due in a month, proposals due in five.
     */
    public static CampaignPlan aroundToday(String documentNumber, int collectives, int individuals) {
        LocalDate today = LocalDate.now(vn.thidua.domain.common.DomainClock.VIETNAM);
        return new CampaignPlan(documentNumber, new Issuer("Ủy ban nhân dân huyện Thủ Thừa", Level.DISTRICT),
                "Thủ Thừa", today.minusDays(10), new Signer("Nguyễn Đăng Minh Xuân", "Chủ tịch", null),
                "Đợt thi đua kiểm thử " + documentNumber, null, null, CampaignKind.SPECIAL,
                new Period(today.minusDays(10), today.plusMonths(6)),
                Set.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL),
                List.of(new AwardScheme("GK", "Giấy khen", "Chủ tịch UBND huyện", Level.DISTRICT,
                                Set.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL), Quota.of(collectives, individuals),
                                ApprovalThreshold.simpleMajority()),
                        new AwardScheme("BK", "Bằng khen", "Chủ tịch UBND tỉnh", Level.PROVINCE,
                                Set.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL), Quota.pendingAllocation(),
                                ApprovalThreshold.atLeast("0.9"))),
                plan().dossierRequirements(),
                List.of(new Milestone("SK", MilestoneKind.INTERIM_REPORT, "Sơ kết", today.plusMonths(1), "Các đơn vị"),
                        new Milestone("HS", MilestoneKind.PROPOSAL, "Hạn nộp hồ sơ", today.plusMonths(5),
                                "Phòng Nội vụ")),
                List.of("UBND các xã, thị trấn"));
    }

    /** A complete district-level dossier: 1 memo, 1 minutes, 1 achievement report. */
    public static List<DossierDocument> districtDossier() {
        return List.of(new DossierDocument(DocumentType.SUBMISSION_MEMO, "Tờ trình", 1),
                new DossierDocument(DocumentType.MEETING_MINUTES, "Biên bản họp", 1),
                new DossierDocument(DocumentType.ACHIEVEMENT_REPORT, "Báo cáo thành tích", 1));
    }

    /** A complete provincial dossier: 1 memo, 1 minutes, 3 achievement reports. */
    public static List<DossierDocument> provincialDossier() {
        return List.of(new DossierDocument(DocumentType.SUBMISSION_MEMO, "Tờ trình", 1),
                new DossierDocument(DocumentType.MEETING_MINUTES, "Biên bản họp", 1),
                new DossierDocument(DocumentType.ACHIEVEMENT_REPORT, "Báo cáo thành tích", 3));
    }
}

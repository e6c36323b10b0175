package vn.thidua.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.command.AllocateQuota;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.command.CloseCampaign;
import vn.thidua.domain.campaign.command.ConcludeCampaign;
import vn.thidua.domain.campaign.value.DocumentType;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.PledgeWork;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.command.SubmitReport;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.testing.DomainHarness;


import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The four real plans, entered as data, launched and run through the domain as the application runs it. */
class SeedPlansReplayTest {

    private final DomainHarness domain = new DomainHarness();

    @AfterEach
    void close() {
        domain.close();
    }

    private static Refusal refusalOf(Throwable t) {
        return ((DomainRuleException) t).refusal();
    }

    @Test
    void everySeedPlanLaunchesOneCampaignAndOnlyOne() {
        for (int i = 0; i < SeedPlans.FILES.size(); i++) {
            CampaignPlan plan = SeedPlans.load(SeedPlans.FILES.get(i));
            String id = "seed-" + (i + 1);
            domain.on(plan.issueDate(), new LaunchCampaign(id, plan));
            assertThat(domain.events(id)).containsExactly(new CampaignLaunched(id, plan));
        }
        CampaignPlan boTrach = SeedPlans.boTrach();
        assertThatThrownBy(() -> domain.on(boTrach.issueDate(), new LaunchCampaign("again", boTrach)))
                .satisfies(t -> assertThat(refusalOf(t)).isEqualTo(Refusal.PLAN_ALREADY_LAUNCHED));
        assertThat(domain.events("again")).isEmpty();
    }

    @Test
    void boTrachInspectsInJuneAndMarksADecemberReportLate() {
        CampaignPlan plan = SeedPlans.boTrach();
        domain.on(plan.issueDate(), new LaunchCampaign("bt", plan));
        domain.on(LocalDate.of(2020, 2, 14), new RegisterParticipant("bt", "xa-hoan-lao", "UBND thị trấn Hoàn Lão",
                List.of(new PledgedWork("ntm", "Đường nông thôn mới thôn Trung Trạch", null))));
        domain.on(LocalDate.of(2020, 2, 20), new RegisterParticipant("bt", "xa-nhan-trach", "UBND xã Nhân Trạch",
                null));
        domain.on(LocalDate.of(2020, 6, 18), new RecordInspection("bt", "xa-nhan-trach", "kt-06", LocalDate.of(2020,
                6, 18), "Hội đồng TĐKT huyện", "Triển khai đầy đủ, có công trình chào mừng", InspectionRating.GOOD));
        domain.on(LocalDate.of(2020, 12, 28), new SubmitReport("bt", "xa-hoan-lao", "bc-1", ReportKind.FINAL, null,
                "Tổng kết đợt thi đua"));
        domain.on(LocalDate.of(2021, 1, 6), new SubmitReport("bt", "xa-nhan-trach", "bc-2", ReportKind.FINAL, null,
                "Tổng kết (nộp muộn)"));
        List<ReportSubmitted> reports = domain.events("bt").stream().filter(ReportSubmitted.class::isInstance)
                .map(ReportSubmitted.class::cast).toList();
        assertThat(reports).extracting(ReportSubmitted::unitId, ReportSubmitted::dueDate, ReportSubmitted::late)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("xa-hoan-lao", LocalDate.of(2020, 12, 31), false),
                        org.assertj.core.groups.Tuple.tuple("xa-nhan-trach", LocalDate.of(2020, 12, 31), true));
        // the plan names no award scheme: nothing can be proposed under it
        assertThatThrownBy(() -> domain.on(LocalDate.of(2021, 1, 10), new SubmitProposal("p", "bt",
                "xa-hoan-lao", new Nominee(TargetGroup.COLLECTIVE, "UBND thị trấn Hoàn Lão", null), "GK",
                "Thành tích", 2020, dossier(1, 1, 1))))
                .satisfies(t -> assertThat(refusalOf(t)).isEqualTo(Refusal.UNKNOWN_SCHEME));
    }

    @Test
    void thuThuaGrantsSixCollectivesOnlyAndWaitsForTheProvincialQuota() {
        CampaignPlan plan = SeedPlans.thuThua();
        domain.on(plan.issueDate(), new LaunchCampaign("tt", plan));
        List<String> units = IntStream.rangeClosed(1, 7).mapToObj(i -> "db-" + i).toList();
        units.forEach(u -> domain.on(LocalDate.of(2019, 9, 1), new RegisterParticipant("tt", u,
                "Đảng bộ xã " + u, null)));

        LocalDate afterCongress = LocalDate.of(2020, 6, 20);
        for (String unit : units) {
            String p = "gk-" + unit;
            domain.on(afterCongress, new SubmitProposal(p, "tt", unit, new Nominee(TargetGroup.COLLECTIVE,
                    "Đảng bộ xã " + unit, unit), "GK-HUYEN", "Tổ chức thành công đại hội", 2020, dossier(1, 1, 1)));
            domain.on(afterCongress, new AppraiseProposal(p, true, "Đủ điều kiện"));
            domain.on(afterCongress, new RecordCouncilVote(p, 9, 8, 1, 0));
        }
        LocalDate decided = LocalDate.of(2020, 7, 10);
        units.subList(0, 6).forEach(u -> domain.on(decided, new GrantAward("gk-" + u, "456/QĐ-UBND", decided,
                "Nguyễn Đăng Minh Xuân", "Chủ tịch")));
        assertThatThrownBy(() -> domain.on(decided, new GrantAward("gk-db-7", "456/QĐ-UBND", decided,
                "Nguyễn Đăng Minh Xuân", "Chủ tịch")))
                .satisfies(t -> assertThat(refusalOf(t)).isEqualTo(Refusal.QUOTA_EXHAUSTED));
        assertThat(domain.events("tt").stream().filter(AwardQuotaConsumed.class::isInstance)
                .map(AwardQuotaConsumed.class::cast).map(AwardQuotaConsumed::used).toList())
                .containsExactly(1, 2, 3, 4, 5, 6);

        // provincial Bằng khen: 1 memo, 1 minutes, 3 achievement reports; quota to be allocated later
        Nominee chairman = new Nominee(TargetGroup.INDIVIDUAL, "Trần Văn Nam", "cb-0012");
        assertThatThrownBy(() -> domain.on(afterCongress, new SubmitProposal("bk-1", "tt", "db-1", chairman,
                "BK-TINH", "Bí thư đảng bộ tiêu biểu", 2020, dossier(1, 1, 1))))
                .satisfies(t -> assertThat(refusalOf(t)).isEqualTo(Refusal.DOSSIER_INCOMPLETE));
        domain.on(afterCongress, new SubmitProposal("bk-1", "tt", "db-1", chairman, "BK-TINH",
                "Bí thư đảng bộ tiêu biểu", 2020, dossier(1, 1, 3)));
        domain.on(afterCongress, new AppraiseProposal("bk-1", true, "Đủ điều kiện trình tỉnh"));
        domain.on(afterCongress, new RecordCouncilVote("bk-1", 9, 9, 0, 0));
        GrantAward provincial = new GrantAward("bk-1", "789/QĐ-UBND", decided, "Chủ tịch UBND tỉnh Long An",
                "Chủ tịch");
        assertThatThrownBy(() -> domain.on(decided, provincial))
                .satisfies(t -> assertThat(refusalOf(t)).isEqualTo(Refusal.QUOTA_PENDING));
        domain.on(decided, new AllocateQuota("tt", "BK-TINH", 2, 3, "Công văn phân bổ chỉ tiêu của UBND tỉnh"));
        domain.on(decided, provincial);
        assertThat(domain.events("bk-1")).last().isInstanceOf(AwardGranted.class);
        assertThat(domain.events("tt")).last().isEqualTo(new AwardQuotaConsumed("tt", "BK-TINH", "bk-1",
                QuotaBucket.INDIVIDUALS, 1, 3));

        // dossiers are due before 15/7/2020
        assertThatThrownBy(() -> domain.on(LocalDate.of(2020, 7, 16), new SubmitProposal("late", "tt", "db-2",
                new Nominee(TargetGroup.INDIVIDUAL, "Lê Thị Mai", null), "GK-HUYEN", "x", 2020, dossier(1, 1, 1))))
                .satisfies(t -> assertThat(refusalOf(t)).isEqualTo(Refusal.PROPOSAL_DEADLINE_PASSED));
        assertThat(plan.dossierFor(Level.PROVINCE).documents()).hasSize(3);
    }

    @Test
    void phuongHaTinhMarksAWorkChosenAfterFifteenAprilLate() {
        CampaignPlan plan = SeedPlans.phuongHaTinh();
        domain.on(plan.issueDate(), new LaunchCampaign("ht", plan));
        domain.on(LocalDate.of(2022, 4, 12), new RegisterParticipant("ht", "ubnd-phuong", "UBND phường", List.of(
                new PledgedWork("cay-xanh", "Trồng cây xanh đô thị", null))));
        domain.on(LocalDate.of(2022, 4, 20), new PledgeWork("ht", "ubnd-phuong",
                new PledgedWork("le-hoi", "Lễ hội văn hóa dân gian", null)));
        assertThat(domain.events("ht").stream().filter(WorkPledged.class::isInstance).map(WorkPledged.class::cast)
                .map(WorkPledged::late).toList()).containsExactly(false, true);
    }

    @Test
    void dangUyKhoiRunsFromLaunchToClosure() {
        CampaignPlan plan = SeedPlans.dangUyKhoiHaiDuong();
        domain.on(plan.issueDate(), new LaunchCampaign("hd", plan));
        domain.on(LocalDate.of(2021, 10, 1), new RegisterParticipant("hd", "db-so-tai-chinh",
                "Đảng bộ Sở Tài chính", null));
        domain.on(LocalDate.of(2022, 2, 28), new ConcludeCampaign("hd", "Tổng kết đợt thi đua cao điểm"));
        domain.on(LocalDate.of(2022, 3, 1), new CloseCampaign("hd", null));
        assertThatThrownBy(() -> domain.on(LocalDate.of(2022, 3, 2), new RegisterParticipant("hd", "x", "X", null)))
                .satisfies(t -> assertThat(refusalOf(t)).isEqualTo(Refusal.CAMPAIGN_CLOSED));
    }

    private static List<DossierDocument> dossier(int memos, int minutes, int reports) {
        return List.of(new DossierDocument(DocumentType.SUBMISSION_MEMO, "Tờ trình", memos),
                new DossierDocument(DocumentType.MEETING_MINUTES, "Biên bản họp", minutes),
                new DossierDocument(DocumentType.ACHIEVEMENT_REPORT, "Báo cáo thành tích", reports));
    }
}

package vn.thidua.planimport;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignKind;
import vn.thidua.domain.campaign.value.DocumentRequirement;
import vn.thidua.domain.campaign.value.DocumentType;
import vn.thidua.domain.campaign.value.Issuer;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.campaign.value.Signer;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.TargetGroup;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Plans in shapes the four seeds do not have, written for this test (not copies of real plans): a provincial
 * department's plan with its header in two columns, awards "của" an authority, a quarter and a "chậm nhất" deadline
 * and a "KT." signature; a district party committee's plan in NFD with the motto on the header's line, households
 * among the targets and a period ending in a quarter; a commune's plan pasted from a web page's HTML, unnumbered,
 * with its day left blank and no signature. Rules that only fit the seeds would fail here.
 */
class UnseenPlansTest {

    static final String DEPARTMENT = """
            UBND TỈNH QUẢNG TRỊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc
            Số: 1234/KH-SGDĐT\tQuảng Trị, ngày 05 tháng 3 năm 2021

            KẾ HOẠCH
            Tổ chức phong trào thi đua "Đổi mới, sáng tạo trong dạy và học" giai đoạn 2021 - 2025

            Thực hiện Kế hoạch số 56/KH-UBND ngày 20/01/2021 của UBND tỉnh về công tác thi đua, khen thưởng năm 2021; \
            Sở Giáo dục và Đào tạo ban hành Kế hoạch tổ chức phong trào thi đua như sau:

            I. MỤC ĐÍCH, YÊU CẦU
            Phát huy tinh thần sáng tạo của đội ngũ nhà giáo trong năm học 2020 - 2021 và những năm tiếp theo.

            II. ĐỐI TƯỢNG, THỜI GIAN
            1. Đối tượng
            Các tập thể, cá nhân thuộc các cơ sở giáo dục trên địa bàn tỉnh.
            2. Thời gian: từ ngày 15/3/2021 đến ngày 31/5/2025.

            III. HÌNH THỨC KHEN THƯỞNG
            1. Khen thưởng cấp tỉnh: Chủ tịch UBND tỉnh tặng Bằng khen cho 05 tập thể và 10 cá nhân tiêu biểu.
            2. Tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo cho 15 tập thể và 30 cá nhân.
            3. Hồ sơ đề nghị khen thưởng cấp tỉnh gồm:
            - 01 Tờ trình đề nghị khen thưởng;
            - 01 Biên bản họp Hội đồng Thi đua - Khen thưởng;
            - 02 Báo cáo thành tích.

            IV. TỔ CHỨC THỰC HIỆN
            1. Văn phòng Sở
            - Tổng hợp đăng ký thi đua của các đơn vị, hoàn thành trước ngày 30/4/2021.
            - Tổ chức sơ kết phong trào trong quý IV/2023.
            - Tổng kết phong trào, hoàn thành chậm nhất ngày 15/6/2025.
            2. Các cơ sở giáo dục
            Gửi hồ sơ đề nghị khen thưởng về Sở (qua Văn phòng) trước ngày 10/7/2025.

            Nơi nhận:\tKT. GIÁM ĐỐC
            - Bộ GD&ĐT (để b/c);
            - UBND tỉnh (để b/c);
            - Ban TĐKT tỉnh;
            - Các cơ sở giáo dục;
            - Lưu: VT, VP.
            PHÓ GIÁM ĐỐC
            (Đã ký)
            Lê Thị Thanh Hương
            """;

    static final String PARTY = """
            ĐẢNG BỘ TỈNH NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM
            HUYỆN ỦY NAM ĐÀN
            *
            Số 125-KH/HU\tNam Đàn, ngày 02 tháng 8 năm 2023

            KẾ HOẠCH
            thực hiện đợt thi đua cao điểm chào mừng Đại hội Đảng bộ huyện lần thứ XXX

            Căn cứ Chương trình công tác năm 2023, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:

            I. MỤC ĐÍCH, YÊU CẦU
            Tạo khí thế thi đua sôi nổi trong toàn Đảng bộ.
            II. NỘI DUNG
            1. Chủ đề: "Đoàn kết, kỷ cương, đổi mới, phát triển".
            2. Đối tượng: các tổ chức cơ sở đảng, cán bộ, đảng viên và hộ gia đình đảng viên.
            3. Thời gian thi đua: từ tháng 8/2023 đến hết quý II/2024.
            III. KHEN THƯỞNG
            Ban Thường vụ Huyện ủy tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc (chỉ tiêu khen thưởng \
            sẽ thông báo sau).
            IV. TỔ CHỨC THỰC HIỆN
            1. Ban Tuyên giáo Huyện ủy
            Tham mưu sơ kết đợt thi đua vào cuối tháng 12/2023; tổng kết trước ngày 30/6/2024.

            Nơi nhận:
            - Ban Thường vụ Tỉnh ủy (để b/c),
            - Các đồng chí Huyện ủy viên,
            - Các tổ chức cơ sở đảng,
            - Lưu Văn phòng Huyện ủy.

            T/M BAN THƯỜNG VỤ
            PHÓ BÍ THƯ

            NGUYỄN VĂN AN
            """;

    static final String COMMUNE_PAGE = """
            <div class="banner">Cổng thông tin điện tử xã Tân Phú</div>
            <p>ỦY BAN NHÂN DÂN<br>XÃ TÂN PHÚ</p>
            <p>Số: &nbsp; &nbsp;/KH-UBND</p>
            <p><em>Tân Phú, ngày &nbsp; &nbsp; tháng 01 năm 2024</em></p>
            <p><strong>KẾ HOẠCH</strong></p>
            <p><strong>Tổ chức phong trào thi đua &quot;Xã Tân Phú chung sức xây dựng nông thôn mới nâng cao&quot; \
            năm 2024</strong></p>
            <p>Căn cứ tình hình thực tế, Ủy ban nhân dân xã ban hành Kế hoạch như sau:</p>
            <p>I. NỘI DUNG</p>
            <p>- Các thôn đăng ký thi đua với UBND xã trước ngày 20/02/2024.</p>
            <p>- Tổ chức kiểm tra, chấm điểm các thôn trong tháng 10/2024.</p>
            <p>- Khen thưởng: Chủ tịch UBND xã tặng Giấy khen cho 03 tập thể và 05 cá nhân tiêu biểu.</p>
            <p>Xem tiếp trang 2 &gt;&gt;</p>
            <div class="footer">Bản quyền thuộc Ủy ban nhân dân xã Tân Phú</div>
            """;

    static final String COUNCIL = """
            HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG
            TỈNH BẮC NINH
            Số: 08/KH-HĐTĐKT
            Bắc Ninh, ngày 14 tháng 01 năm 2022

            KẾ HOẠCH
            Phát động phong trào thi đua "Chuyển đổi số" năm 2022

            Căn cứ Luật Thi đua, khen thưởng, Hội đồng Thi đua - Khen thưởng tỉnh ban hành Kế hoạch như sau:
            1. Thời gian thực hiện: từ ngày ký ban hành đến hết ngày 15/12/2022.
            2. Sơ kết phong trào trong quý III/2022; các đơn vị gửi hồ sơ đề nghị khen thưởng chậm nhất ngày 20/12/2022.
            3. Hình thức khen thưởng:
            - Bằng khen của Chủ tịch UBND tỉnh: 10 tập thể, 20 cá nhân.
            Nơi nhận:
            - Thường trực Tỉnh ủy (b/c);
            - Lưu: VT.
            TM. HỘI ĐỒNG
            CHỦ TỊCH
            (đã ký)
            CHỦ TỊCH UBND TỈNH
            Nguyễn Thị Phương Huyền
            """;

    @Test
    void aCouncilsPlanWhosePeriodRunsFromItsSigning() {
        PlanDraft draft = PlanImporter.read(COUNCIL);
        DraftPlan plan = draft.plan();
        assertThat(plan.documentNumber()).isEqualTo("08/KH-HĐTĐKT");
        assertThat(plan.issuer()).isEqualTo(new Issuer("Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
                Level.PROVINCE));
        assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2022, 1, 14));
        assertThat(plan.period()).isEqualTo(new Period(LocalDate.of(2022, 1, 14), LocalDate.of(2022, 12, 15)));
        assertThat(plan.milestones()).extracting(Milestone::kind, Milestone::dueDate).containsExactly(
                tuple(MilestoneKind.INTERIM_REPORT, LocalDate.of(2022, 9, 30)),
                tuple(MilestoneKind.PROPOSAL, LocalDate.of(2022, 12, 20)));
        assertThat(plan.awardSchemes()).extracting(AwardScheme::form, AwardScheme::grantingAuthority,
                AwardScheme::level, AwardScheme::quota).containsExactly(
                tuple("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh", Level.PROVINCE, Quota.of(10, 20)));
        assertThat(plan.signer()).isEqualTo(new Signer("Nguyễn Thị Phương Huyền", "Chủ tịch", "TM. Hội đồng"));
        assertThat(plan.distributionList()).containsExactly("Thường trực Tỉnh ủy (b/c)", "Lưu: VT");

        DraftPlan unsigned = PlanImporter.read(COUNCIL.replace("ngày 14 tháng 01 năm 2022", "ngày   tháng 01 năm 2022"))
                .plan();
        assertThat(unsigned.period()).isEqualTo(new Period(null, LocalDate.of(2022, 12, 15)));
        DraftPlan aYear = PlanImporter.read(COUNCIL.replace(
                "từ ngày ký ban hành đến hết ngày 15/12/2022", "năm 2022")).plan();
        assertThat(aYear.period()).isEqualTo(new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)));
    }

    @Test
    void aDepartmentsPlanWithItsHeaderInTwoColumns() {
        DraftPlan plan = PlanImporter.read(DEPARTMENT).plan();
        assertThat(plan.documentNumber()).isEqualTo("1234/KH-SGDĐT");
        assertThat(plan.issuer()).isEqualTo(new Issuer("Sở Giáo dục và Đào tạo tỉnh Quảng Trị", Level.PROVINCE));
        assertThat(plan.place()).isEqualTo("Quảng Trị");
        assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2021, 3, 5));
        assertThat(plan.title()).isEqualTo(
                "Tổ chức phong trào thi đua \"Đổi mới, sáng tạo trong dạy và học\" giai đoạn 2021 - 2025");
        assertThat(plan.kind()).isNull();
        assertThat(plan.theme()).isNull();
        assertThat(plan.period()).isEqualTo(new Period(LocalDate.of(2021, 3, 15), LocalDate.of(2025, 5, 31)));
        assertThat(plan.targetGroups()).containsExactly(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL);
        assertThat(plan.awardSchemes()).extracting(AwardScheme::form, AwardScheme::grantingAuthority,
                AwardScheme::level, AwardScheme::quota).containsExactly(
                tuple("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh", Level.PROVINCE, Quota.of(5, 10)),
                tuple("Giấy khen", "Giám đốc Sở Giáo dục và Đào tạo", Level.PROVINCE, Quota.of(15, 30)));
        assertThat(plan.dossierRequirements()).hasSize(1);
        assertThat(plan.dossierRequirements().get(0).level()).isEqualTo(Level.PROVINCE);
        assertThat(plan.dossierRequirements().get(0).documents()).containsExactly(
                new DocumentRequirement(DocumentType.SUBMISSION_MEMO, 1),
                new DocumentRequirement(DocumentType.MEETING_MINUTES, 1),
                new DocumentRequirement(DocumentType.ACHIEVEMENT_REPORT, 2));
        assertThat(plan.milestones()).extracting(Milestone::kind, Milestone::dueDate, Milestone::responsibleBody)
                .containsExactly(
                        tuple(MilestoneKind.REGISTRATION, LocalDate.of(2021, 4, 30), "Văn phòng Sở"),
                        tuple(MilestoneKind.INTERIM_REPORT, LocalDate.of(2023, 12, 31), "Văn phòng Sở"),
                        tuple(MilestoneKind.FINAL_REPORT, LocalDate.of(2025, 6, 15), "Văn phòng Sở"),
                        tuple(MilestoneKind.PROPOSAL, LocalDate.of(2025, 7, 10), "Các cơ sở giáo dục"));
        assertThat(plan.signer()).isEqualTo(new Signer("Lê Thị Thanh Hương", "Phó Giám đốc", "KT. Giám đốc"));
        assertThat(plan.distributionList()).containsExactly("Bộ GD&ĐT (để b/c)", "UBND tỉnh (để b/c)",
                "Ban TĐKT tỉnh", "Các cơ sở giáo dục", "Lưu: VT, VP");
    }

    /** The same plan copied from a page that ran its two header columns into one line each, without tabs. */
    @Test
    void aDepartmentsPlanWithItsColumnsRunTogether() {
        String runTogether = DEPARTMENT.replaceFirst("(?m)^UBND TỈNH QUẢNG TRỊ\t", "UBND TỈNH QUẢNG TRỊ ")
                .replaceFirst("(?m)^SỞ GIÁO DỤC VÀ ĐÀO TẠO\t", "SỞ GIÁO DỤC VÀ ĐÀO TẠO ")
                .replaceFirst("(?m)^Số: 1234/KH-SGDĐT\t", "Số: 1234/KH-SGDĐT ");
        assertThat(runTogether.substring(0, runTogether.indexOf("KẾ HOẠCH"))).doesNotContain("\t");
        assertThat(PlanImporter.read(runTogether).plan()).isEqualTo(PlanImporter.read(DEPARTMENT).plan());
    }

    @Test
    void aPartyCommitteesPlanInNfd() {
        PlanDraft draft = PlanImporter.read(Normalizer.normalize(PARTY, Normalizer.Form.NFD));
        DraftPlan plan = draft.plan();
        assertThat(plan.documentNumber()).isEqualTo("125-KH/HU");
        assertThat(plan.issuer()).isEqualTo(new Issuer("Huyện ủy Nam Đàn", Level.DISTRICT));
        assertThat(plan.place()).isEqualTo("Nam Đàn");
        assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2023, 8, 2));
        assertThat(plan.title()).isEqualTo(
                "thực hiện đợt thi đua cao điểm chào mừng Đại hội Đảng bộ huyện lần thứ XXX");
        assertThat(plan.kind()).isEqualTo(CampaignKind.PEAK);
        assertThat(plan.theme()).isEqualTo("Đoàn kết, kỷ cương, đổi mới, phát triển");
        assertThat(plan.targetGroups()).isEqualTo(Set.of(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL,
                TargetGroup.HOUSEHOLD));
        assertThat(plan.period()).isEqualTo(new Period(LocalDate.of(2023, 8, 1), LocalDate.of(2024, 6, 30)));
        assertThat(draft.sources().get("plan.period.start").asWritten()).isEqualTo("2023-08");
        assertThat(draft.sources().get("plan.period.end").asWritten()).isEqualTo("2024-Q2");
        assertThat(plan.awardSchemes()).extracting(AwardScheme::form, AwardScheme::grantingAuthority,
                AwardScheme::level, AwardScheme::quota).containsExactly(
                tuple("Giấy khen", "Ban Thường vụ Huyện ủy", Level.DISTRICT, Quota.pendingAllocation()));
        assertThat(plan.dossierRequirements()).isNull();
        assertThat(plan.milestones()).extracting(Milestone::kind, Milestone::dueDate).containsExactly(
                tuple(MilestoneKind.INTERIM_REPORT, LocalDate.of(2023, 12, 31)),
                tuple(MilestoneKind.FINAL_REPORT, LocalDate.of(2024, 6, 30)));
        assertThat(plan.signer()).isEqualTo(new Signer("Nguyễn Văn An", "Phó Bí thư", "T/M Ban Thường vụ"));
        assertThat(plan.distributionList()).containsExactly("Ban Thường vụ Tỉnh ủy (để b/c)",
                "Các đồng chí Huyện ủy viên", "Các tổ chức cơ sở đảng", "Lưu Văn phòng Huyện ủy");
    }

    @Test
    void aCommunesPlanPastedFromAWebPage() {
        PlanDraft draft = PlanImporter.read(COMMUNE_PAGE);
        DraftPlan plan = draft.plan();
        assertThat(plan.documentNumber()).isNull();
        assertThat(plan.issuer()).isEqualTo(new Issuer("Ủy ban nhân dân xã Tân Phú", Level.COMMUNE));
        assertThat(plan.place()).isEqualTo("Tân Phú");
        assertThat(plan.issueDate()).isNull();
        assertThat(draft.sources().get("plan.issueDate").asWritten()).isEqualTo("2024-01");
        assertThat(draft.blanks()).extracting(PlanDraft.Blank::field).contains("plan.documentNumber",
                "plan.issueDate", "plan.period", "plan.kind", "plan.signer", "plan.distributionList");
        assertThat(plan.title()).isEqualTo(
                "Tổ chức phong trào thi đua \"Xã Tân Phú chung sức xây dựng nông thôn mới nâng cao\" năm 2024");
        assertThat(plan.period()).isNull();
        assertThat(plan.milestones()).extracting(Milestone::kind, Milestone::dueDate).containsExactly(
                tuple(MilestoneKind.REGISTRATION, LocalDate.of(2024, 2, 20)),
                tuple(MilestoneKind.INSPECTION, LocalDate.of(2024, 10, 31)));
        assertThat(plan.awardSchemes()).extracting(AwardScheme::form, AwardScheme::grantingAuthority,
                AwardScheme::level, AwardScheme::quota).containsExactly(
                tuple("Giấy khen", "Chủ tịch Ủy ban nhân dân xã", Level.COMMUNE, Quota.of(3, 5)));
        assertThat(plan.targetGroups()).containsExactly(TargetGroup.COLLECTIVE, TargetGroup.INDIVIDUAL);
        assertThat(plan.signer()).isNull();
        assertThat(plan.distributionList()).isNull();
        int at = draft.sources().get("plan.place").start();
        assertThat(draft.text().substring(at, at + "Tân Phú".length())).isEqualTo("Tân Phú");
    }

    @Test
    void everySourcePointsAtWhatItSays() {
        for (String plan : List.of(DEPARTMENT, PARTY, COMMUNE_PAGE, COUNCIL)) {
            PlanDraft draft = PlanImporter.read(plan);
            draft.sources().forEach((field, source) -> {
                assertThat(source.start()).as(field).isBetween(0, draft.text().length());
                assertThat(source.end()).as(field).isBetween(source.start(), draft.text().length());
                assertThat(source.confidence()).as(field).isBetween(0.0, 1.0);
                String[] lines = draft.text().split("\n", -1);
                assertThat(lines[source.line() - 1]).as(field).contains(source.text().split(" ")[0]
                        .replaceAll("[\"“]", ""));
            });
        }
    }
}

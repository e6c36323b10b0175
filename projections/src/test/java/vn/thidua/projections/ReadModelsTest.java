package vn.thidua.projections;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.campaign.value.ApprovalThreshold;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.ProposalAppraised;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.domain.proposal.value.RevocationGround;
import vn.thidua.domain.testing.Plans;
import vn.thidua.projections.awards.AwardStatus;
import vn.thidua.projections.awards.AwardView;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thidua.projections.ReadModels.AWARDS;
import static vn.thidua.projections.ReadModels.CAMPAIGNS;
import static vn.thidua.projections.ReadModels.PARTICIPANTS;
import static vn.thidua.projections.ReadModels.PROPOSALS;

/** Each read model, given a few events: the document they make. */
class ReadModelsTest {

    private static final LocalDate JUNE = LocalDate.of(2020, 6, 1);
    private static final Nominee HOA = new Nominee(TargetGroup.INDIVIDUAL, "Nguyễn Thị Hoa", "hoa");
    private final ReadModelFixture fixture = new ReadModelFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static CampaignLaunched launched() {
        return new CampaignLaunched("c", Plans.plan());
    }

    private static ParticipantRegistered registered() {
        return new ParticipantRegistered("c", "u", "Xã Hoàn Lão", Plans.ISSUED);
    }

    private static ProposalSubmitted submitted() {
        return new ProposalSubmitted("p", "c", "u", HOA, Plans.GIAY_KHEN,
                new SchemeTerms("Giấy khen", "Chủ tịch UBND huyện", Level.DISTRICT,
                        ApprovalThreshold.simpleMajority(), List.of()), "Thành tích", 2020,
                Plans.districtDossier(), JUNE);
    }

    @Test
    void aLaunchedCampaignShowsItsPlanYearsQuotasAndWhoLaunchedIt() {
        fixture.given(launched());

        CampaignView c = fixture.document(CAMPAIGNS, "c", CampaignView.class);
        assertThat(c.status.name()).isEqualTo("LAUNCHED");
        assertThat(c.version).isZero();
        assertThat(c.years).containsExactly(2020);
        assertThat(c.launchedBy).isEqualTo("tester");
        assertThat(c.launchedAt).isEqualTo(ReadModelFixture.AT);
        assertThat(c.quotas.get(Plans.GIAY_KHEN).collectives.limit).isEqualTo(2);
        assertThat(c.quotas.get(Plans.BANG_KHEN).pending).isTrue();
        assertThat(c.search).contains("bo trach");
    }

    @Test
    void aUnitsLateWorkCountsInTheCampaignAndListsInTheUnit() {
        fixture.given(launched(), registered(),
                new WorkPledged("c", "u", new PledgedWork("w", "Đường bê tông", null), JUNE, Plans.REGISTRATION_DUE,
                        true));

        CampaignView c = fixture.document(CAMPAIGNS, "c", CampaignView.class);
        assertThat(c.counts.participants).isEqualTo(1);
        assertThat(c.counts.pledgedWorks).isEqualTo(1);
        assertThat(c.counts.lateWorks).isEqualTo(1);
        assertThat(c.version).isEqualTo(2);
        ParticipantView p = fixture.document(PARTICIPANTS, "c/u", ParticipantView.class);
        assertThat(p.works).singleElement().satisfies(w -> assertThat(w.late()).isTrue());
        assertThat(p.version).isEqualTo(2);
    }

    @Test
    void aUnitIsOverdueUntilItSubmitsItsLastOverdueReport() {
        fixture.given(launched(), registered(),
                new ReportOverdue("c", "u", "SK", ReportKind.INTERIM, Plans.INTERIM_DUE),
                new ReportOverdue("c", "u", "TK", ReportKind.FINAL, Plans.FINAL_DUE));
        assertThat(fixture.document(CAMPAIGNS, "c", CampaignView.class).counts.overdueUnits).isEqualTo(1);

        fixture.given(new ReportSubmitted("c", "u", "r1", ReportKind.INTERIM, "SK", Plans.INTERIM_DUE,
                LocalDate.of(2020, 7, 2), true, "Sơ kết"));
        assertThat(fixture.document(CAMPAIGNS, "c", CampaignView.class).counts.overdueUnits).isEqualTo(1);

        fixture.given(new ReportSubmitted("c", "u", "r2", ReportKind.FINAL, "TK", Plans.FINAL_DUE,
                LocalDate.of(2020, 12, 20), true, "Tổng kết"));
        CampaignView c = fixture.document(CAMPAIGNS, "c", CampaignView.class);
        assertThat(c.counts.overdueUnits).isZero();
        assertThat(c.counts.overdueReports).isEqualTo(2);
        assertThat(c.counts.interimReportsLate).isEqualTo(1);
        assertThat(c.counts.finalReportsLate).isEqualTo(1);
        ParticipantView p = fixture.document(PARTICIPANTS, "c/u", ParticipantView.class);
        assertThat(p.overdue).isEmpty();
        assertThat(p.overdueCount).isEqualTo(2);
    }

    @Test
    void aProposalsStepsCountInItsCampaignWithoutMovingTheCampaignsVersion() {
        fixture.given(launched(), registered(), submitted(), new ProposalAppraised("p", true, "Đủ điều kiện", JUNE));

        CampaignView c = fixture.document(CAMPAIGNS, "c", CampaignView.class);
        assertThat(c.proposalsByStatus.asMap()).isEqualTo(Map.of("APPRAISED", 1));
        assertThat(c.version).isEqualTo(1);
        ProposalView p = fixture.document(PROPOSALS, "p", ProposalView.class);
        assertThat(p.version).isEqualTo(1);
        assertThat(p.campaignTitle).isEqualTo(Plans.plan().title());
        assertThat(p.history).extracting(ProposalView.Step::status)
                .containsExactly(ProposalStatus.SUBMITTED, ProposalStatus.APPRAISED);
        assertThat(p.appraisal.favourable()).isTrue();
    }

    @Test
    void aRevokedAwardStaysInTheRegistryMarkedRevoked() {
        AwardDecision decision = new AwardDecision("12/QĐ-UBND", JUNE, "Trần Quang Vũ", "Chủ tịch");
        fixture.given(launched(), registered(), submitted(),
                new AwardGranted("p", "c", Plans.GIAY_KHEN, HOA, 2020, decision),
                new AwardQuotaConsumed("c", Plans.GIAY_KHEN, "p", QuotaBucket.INDIVIDUALS, 1, 3),
                new AwardRevoked("p", "c", Plans.GIAY_KHEN, RevocationGround.STANDARD_NOT_MET, "13/QĐ-UBND",
                        JUNE.plusDays(5), "Không đủ tiêu chuẩn"));

        AwardView a = fixture.document(AWARDS, "p", AwardView.class);
        assertThat(a.status).isEqualTo(AwardStatus.REVOKED);
        assertThat(a.form).isEqualTo("Giấy khen");
        assertThat(a.nomineeSearch).isEqualTo("nguyen thi hoa hoa");
        assertThat(a.revocation.decisionNumber()).isEqualTo("13/QĐ-UBND");
        CampaignView c = fixture.document(CAMPAIGNS, "c", CampaignView.class);
        CampaignView.AwardTally tally = c.awardsByScheme.get(Plans.GIAY_KHEN);
        assertThat(List.of(tally.granted, tally.revoked, tally.inForce)).containsExactly(1, 1, 0);
        assertThat(c.quotas.get(Plans.GIAY_KHEN).individuals.remaining).isEqualTo(2);
        assertThat(c.proposalsByStatus.asMap()).isEqualTo(Map.of("REVOKED", 1));
    }

    @Test
    void anEventDeliveredAgainAtItsPositionChangesNothing() {
        fixture.given(launched(), registered());
        fixture.redelivered(registered(), fixture.position());

        assertThat(fixture.document(CAMPAIGNS, "c", CampaignView.class).counts.participants).isEqualTo(1);
    }

    @Test
    void aRevocationWithoutAnAwardDocumentCreatesNone() {
        fixture.given(launched(), registered(), submitted());
        fixture.given(new AwardRevoked("p", "c", Plans.GIAY_KHEN, RevocationGround.STANDARD_NOT_MET, "13/QĐ",
                JUNE, null));

        assertThat(fixture.count(AWARDS)).isZero();
    }

    @Test
    void anEventWhoseDocumentIsMissingFailsItsBatch() {
        assertThatThrownBy(() -> fixture.given(registered()))
                .hasMessageContaining("campaigns/c is missing");
        assertThat(fixture.count(PARTICIPANTS)).isZero();
    }

    @Test
    void everyEventOfTheFamiliesReachesAReadModelOrIsNamedAsTheCampaignsAlone() {
        var handled = ReadModelProjection.READ_MODELS.stream().flatMap(p -> p.events().stream()).toList();
        assertThat(handled).containsAll(List.of(vn.thidua.domain.campaign.CampaignEvent.class
                .getPermittedSubclasses())).containsAll(List.of(vn.thidua.domain.proposal.ProposalEvent.class
                .getPermittedSubclasses()));
    }
}

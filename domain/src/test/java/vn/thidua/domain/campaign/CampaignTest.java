package vn.thidua.domain.campaign;

import vn.thidua.domain.proposal.value.ProposalOutcome;
import vn.thidua.domain.campaign.command.AllocateQuota;
import vn.thidua.domain.campaign.command.AmendCampaign;
import vn.thidua.domain.campaign.command.CloseCampaign;
import vn.thidua.domain.campaign.command.ConcludeCampaign;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.PledgeWork;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.command.SubmitReport;
import vn.thidua.domain.campaign.model.Campaign;
import vn.thidua.domain.campaign.value.ApprovalThreshold;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.Issuer;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.value.ReportKind;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.value.DocumentRequirement;
import vn.thidua.domain.campaign.value.DocumentType;
import vn.thidua.domain.campaign.value.DossierRequirement;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.testing.CampaignWorld;
import vn.thidua.domain.testing.Plans;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thidua.domain.testing.Plans.BANG_KHEN;
import static vn.thidua.domain.testing.Plans.GIAY_KHEN;
import static vn.thidua.domain.testing.Plans.at;
import static vn.thidua.domain.testing.Refusals.refusal;

class CampaignTest {

    private static final String ID = "c-1";
    private static final CampaignPlan PLAN = Plans.plan();
    private static final LocalDate MARCH = LocalDate.of(2020, 3, 10);

    private AggregateTestFixture<Campaign> fixture;
    private CampaignWorld world;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        world = new CampaignWorld();
        fixture.registerInjectableResource(world.planRegister());
    }

    private static CampaignLaunched launched() {
        return new CampaignLaunched(ID, PLAN);
    }

    private static ParticipantRegistered registered(String unitId) {
        return new ParticipantRegistered(ID, unitId, "Đơn vị " + unitId, MARCH);
    }

    @Nested
    class Launch {

        @Test
        void launchesAndSchedulesEachReportDeadline() {
            fixture.givenCurrentTime(at(Plans.ISSUED))
                    .when(new LaunchCampaign(ID, PLAN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(launched())
                    .expectScheduledDeadline(java.time.Instant.from(
                                    Plans.INTERIM_DUE.plusDays(1).atStartOfDay(vn.thidua.domain.common.DomainClock.VIETNAM)),
                            new ReportDueDatePassed("SK", Plans.INTERIM_DUE))
                    .expectScheduledDeadline(java.time.Instant.from(
                                    Plans.FINAL_DUE.plusDays(1).atStartOfDay(vn.thidua.domain.common.DomainClock.VIETNAM)),
                            new ReportDueDatePassed("TK", Plans.FINAL_DUE));
        }

        @Test
        void refusesPeriodEndingBeforeItStarts() {
            CampaignPlan p = PLAN;
            CampaignPlan bad = p.withPeriod(new Period(LocalDate.of(2020, 12, 31), LocalDate.of(2020, 2, 1)));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, bad))
                    .expectException(refusal(Refusal.PERIOD_END_BEFORE_START)).expectNoEvents();
        }

        @Test
        void refusesDueDateBeforeIssueDate() {
            CampaignPlan bad = PLAN.withMilestones(List.of(new Milestone("X", MilestoneKind.INSPECTION,
                    "Kiểm tra", Plans.ISSUED.minusDays(1), "Phòng Nội vụ")));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, bad))
                    .expectException(refusal(Refusal.DUE_DATE_BEFORE_ISSUE_DATE)).expectNoEvents();
        }

        @Test
        void refusesAPeriodFarFromTheIssueDate() {
            CampaignPlan p = PLAN;
            CampaignPlan bad = p.withPeriod(new Period(p.period().start(), LocalDate.of(2199, 12, 31)));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, bad))
                    .expectException(refusal(Refusal.PLAN_DATE_OUT_OF_WINDOW)).expectNoEvents();
        }

        @Test
        void refusesAPendingQuotaThatCarriesCounts() {
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, Plans.plan(Quota.of(2, 3),
                            new Quota(true, 1, null))))
                    .expectException(refusal(Refusal.PENDING_QUOTA_COUNTED)).expectNoEvents();
        }

        @Test
        void refusesADossierRequirementOfNoCopies() {
            var requirements = List.of(new DossierRequirement(Level.DISTRICT,
                    List.of(new DocumentRequirement(DocumentType.SUBMISSION_MEMO, 0))));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, PLAN.withDossierRequirements(requirements)))
                    .expectException(refusal(Refusal.COPIES_BELOW_ONE)).expectNoEvents();
        }

        @Test
        void refusesALevelCodeThatIsNotACode() {
            assertThatThrownBy(() -> Level.of("cấp tỉnh")).isInstanceOfSatisfying(DomainRuleException.class,
                    e -> assertThat(e.refusal()).isEqualTo(Refusal.INVALID_LEVEL_CODE));
        }

        @Test
        void refusesADateOutsideTheCalendarWindow() {
            CampaignPlan p = PLAN;
            CampaignPlan bad = p.withIssueDate(LocalDate.MAX);
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, bad))
                    .expectException(refusal(Refusal.DATE_OUT_OF_RANGE)).expectNoEvents();
        }

        @Test
        void refusesAThresholdWithTooManyDecimals() {
            CampaignPlan p = PLAN;
            List<AwardScheme> schemes = p.awardSchemes().stream().map(s -> new AwardScheme(s.schemeId(), s.form(),
                    s.grantingAuthority(), s.level(), s.nomineeKinds(), s.quota(),
                    new ApprovalThreshold(new java.math.BigDecimal("1e-20000000"), false))).toList();
            CampaignPlan bad = p.withAwardSchemes(schemes);
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, bad))
                    .expectException(refusal(Refusal.THRESHOLD_TOO_PRECISE)).expectNoEvents();
        }

        @Test
        void refusesANullMilestoneAndTooManyRecipients() {
            CampaignPlan p = PLAN;
            List<Milestone> withNull = new java.util.ArrayList<>(p.milestones());
            withNull.add(null);
            CampaignPlan nullItem = p.withMilestones(withNull);
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, nullItem))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
            CampaignPlan many = p.withDistributionList(java.util.Collections.nCopies(101, "UBND xã"));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, many))
                    .expectException(refusal(Refusal.TOO_MANY_ITEMS)).expectNoEvents();
        }

        @Test
        void refusesAQuotaAboveTheBound() {
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, Plans.plan(new Quota(false, 100_001, 3),
                            Quota.pendingAllocation())))
                    .expectException(refusal(Refusal.NUMBER_OUT_OF_RANGE)).expectNoEvents();
        }

        @Test
        void refusesNegativeQuota() {
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, Plans.plan(new Quota(false, -1, 3),
                            Quota.pendingAllocation())))
                    .expectException(refusal(Refusal.NEGATIVE_QUOTA)).expectNoEvents();
        }

        @Test
        void refusesPlanWithoutTargetGroup() {
            CampaignPlan p = PLAN;
            CampaignPlan bad = p
                    .withTargetGroups(Set.of())
                    .withAwardSchemes(List.of());
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, bad))
                    .expectException(refusal(Refusal.NO_TARGET_GROUP)).expectNoEvents();
        }

        @Test
        void refusesSchemeForNomineesOutsideTheTargetGroups() {
            AwardScheme households = new AwardScheme("HGD", "Giấy khen", "Chủ tịch UBND huyện", Level.DISTRICT,
                    Set.of(TargetGroup.HOUSEHOLD), Quota.of(1, 0), ApprovalThreshold.simpleMajority());
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, PLAN.withAwardSchemes(List.of(households))))
                    .expectException(refusal(Refusal.SCHEME_NOMINEE_OUTSIDE_TARGETS)).expectNoEvents();
        }

        @Test
        void refusesThresholdOutsideZeroToOne() {
            AwardScheme bad = new AwardScheme("X", "Giấy khen", "Chủ tịch UBND huyện", Level.DISTRICT,
                    Set.of(TargetGroup.INDIVIDUAL), Quota.of(0, 1),
                    new ApprovalThreshold(new BigDecimal("1.5"), false));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, PLAN.withAwardSchemes(List.of(bad))))
                    .expectException(refusal(Refusal.INVALID_THRESHOLD)).expectNoEvents();
        }

        @Test
        void refusesMissingTitle() {
            CampaignPlan p = PLAN;
            CampaignPlan bad = p.withTitle(" ");
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, bad))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesTwoMilestonesWithOneId() {
            Milestone m = PLAN.milestones().get(0);
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, PLAN.withMilestones(List.of(m, m))))
                    .expectException(refusal(Refusal.DUPLICATE_ENTRY)).expectNoEvents();
        }

        @Test
        void refusesASecondCampaignFromTheSamePlanEvenSpelledDifferently() {
            DefaultUnitOfWork.startAndGet(null).execute(() -> world.planRegister().register(PLAN, "c-0"));
            CampaignPlan p = PLAN;
            CampaignPlan respelled = p
                    .withDocumentNumber(" 195 /KH-UBND ")
                    .withIssuer(new Issuer("UBND huyện Bố Trạch", Level.DISTRICT));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, respelled))
                    .expectException(refusal(Refusal.PLAN_ALREADY_LAUNCHED)).expectNoEvents();
        }

        @Test
        void aRefusedLaunchRegistersNoPlan() {
            CampaignPlan p = PLAN;
            CampaignPlan badPeriod = p.withPeriod(new Period(LocalDate.of(2020, 12, 31), LocalDate.of(2020, 1, 1)));
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, badPeriod)).expectException(
                    refusal(Refusal.PERIOD_END_BEFORE_START));
            assertThat(world.allEvents(PLAN.key().registrationId())).isEmpty();
            // so the same plan can still be launched
            fixture.givenNoPriorActivity().when(new LaunchCampaign(ID, PLAN)).expectEvents(launched());
        }
    }

    @Nested
    class Amend {

        @Test
        void amendsAndSchedulesOnlyMovedReportDeadlines() {
            List<Milestone> moved = new ArrayList<>(PLAN.milestones());
            moved.set(1, new Milestone("SK", MilestoneKind.INTERIM_REPORT, "Báo cáo sơ kết (lùi hạn)",
                    LocalDate.of(2020, 7, 15), "Các cơ quan, đơn vị"));
            CampaignPlan amended = PLAN.withMilestones(moved);
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new AmendCampaign(ID, "Lùi hạn sơ kết do dịch bệnh", amended))
                    .expectEvents(new CampaignAmended(ID, "Lùi hạn sơ kết do dịch bệnh", amended))
                    .expectScheduledDeadline(java.time.Instant.from(LocalDate.of(2020, 7, 16)
                                    .atStartOfDay(vn.thidua.domain.common.DomainClock.VIETNAM)),
                            new ReportDueDatePassed("SK", LocalDate.of(2020, 7, 15)))
                    .expectNoScheduledDeadlineMatching(
                            org.hamcrest.Matchers.hasProperty("payload", org.hamcrest.Matchers.equalTo(
                                    new ReportDueDatePassed("TK", Plans.FINAL_DUE))));
        }

        @Test
        void refusesAmendmentWithoutReason() {
            fixture.given(launched()).when(new AmendCampaign(ID, "", PLAN))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesChangingThePlansIdentity() {
            CampaignPlan p = PLAN;
            CampaignPlan other = p.withDocumentNumber("196/KH-UBND");
            fixture.given(launched()).when(new AmendCampaign(ID, "Sửa số", other))
                    .expectException(refusal(Refusal.PLAN_IDENTITY_CHANGED)).expectNoEvents();
        }

        @Test
        void refusesAnInvalidAmendedPlan() {
            fixture.given(launched()).when(new AmendCampaign(ID, "Sửa chỉ tiêu",
                            Plans.plan(new Quota(false, 2, -3), Quota.pendingAllocation())))
                    .expectException(refusal(Refusal.NEGATIVE_QUOTA)).expectNoEvents();
        }

        @Test
        void refusesRemovingASchemeThatHasProposals() {
            fixture.given(launched(), registered("u1"), new ProposalAdmitted(ID, "p1", GIAY_KHEN, "u1",
                            TargetGroup.INDIVIDUAL, "k", "Nguyễn Văn A"))
                    .when(new AmendCampaign(ID, "Bỏ giấy khen", PLAN.withAwardSchemes(List.of(PLAN.awardSchemes().get(1)))))
                    .expectException(refusal(Refusal.SCHEME_IN_USE)).expectNoEvents();
        }

        @Test
        void refusesQuotaBelowWhatIsAlreadyGranted() {
            fixture.given(launched(), registered("u1"),
                            new ProposalAdmitted(ID, "p1", GIAY_KHEN, "u1", TargetGroup.INDIVIDUAL, "k1", "A"),
                            new AwardQuotaConsumed(ID, GIAY_KHEN, "p1", QuotaBucket.INDIVIDUALS, 1, 3),
                            new ProposalAdmitted(ID, "p2", GIAY_KHEN, "u1", TargetGroup.INDIVIDUAL, "k2", "B"),
                            new AwardQuotaConsumed(ID, GIAY_KHEN, "p2", QuotaBucket.INDIVIDUALS, 2, 3))
                    .when(new AmendCampaign(ID, "Giảm chỉ tiêu", Plans.plan(Quota.of(2, 1), Quota.pendingAllocation())))
                    .expectException(refusal(Refusal.QUOTA_BELOW_USED)).expectNoEvents();
        }

        @Test
        void refusesAmendingAClosedCampaign() {
            fixture.given(launched(), new CampaignConcluded(ID, MARCH, null), new CampaignClosed(ID, MARCH, null))
                    .when(new AmendCampaign(ID, "Muộn", PLAN))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }
    }

    @Nested
    class AllocateQuotaTests {

        @Test
        void allocatesAPendingQuota() {
            fixture.given(launched()).when(new AllocateQuota(ID, BANG_KHEN, 1, 2, "CV 123/UBND-NC"))
                    .expectEvents(new QuotaAllocated(ID, BANG_KHEN, 1, 2, "CV 123/UBND-NC"));
        }

        @Test
        void refusesAllocatingAFixedQuota() {
            fixture.given(launched()).when(new AllocateQuota(ID, GIAY_KHEN, 1, 2, null))
                    .expectException(refusal(Refusal.QUOTA_NOT_PENDING)).expectNoEvents();
        }

        @Test
        void refusesAllocatingTwice() {
            fixture.given(launched(), new QuotaAllocated(ID, BANG_KHEN, 1, 2, null))
                    .when(new AllocateQuota(ID, BANG_KHEN, 3, 3, null))
                    .expectException(refusal(Refusal.QUOTA_NOT_PENDING)).expectNoEvents();
        }

        @Test
        void refusesUnknownScheme() {
            fixture.given(launched()).when(new AllocateQuota(ID, "HUAN-CHUONG", 1, 2, null))
                    .expectException(refusal(Refusal.UNKNOWN_SCHEME)).expectNoEvents();
        }

        @Test
        void refusesNegativeOrMissingCounts() {
            fixture.given(launched()).when(new AllocateQuota(ID, BANG_KHEN, 1, -2, null))
                    .expectException(refusal(Refusal.NEGATIVE_QUOTA)).expectNoEvents();
            fixture.given(launched()).when(new AllocateQuota(ID, BANG_KHEN, null, 2, null))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesOnAClosedCampaign() {
            fixture.given(launched(), new CampaignConcluded(ID, MARCH, null), new CampaignClosed(ID, MARCH, null))
                    .when(new AllocateQuota(ID, BANG_KHEN, 1, 2, null))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }
    }

    @Nested
    class Registration {

        private final PledgedWork road = new PledgedWork("w1", "Đường giao thông nông thôn thôn 3", null);
        private final PledgedWork school = new PledgedWork("w2", "Sửa chữa trường mầm non", "Trước 30/4");

        @Test
        void registersWithPledgedWorks() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", List.of(road, school)))
                    .expectEvents(new ParticipantRegistered(ID, "u1", "UBND xã Hoàn Lão", MARCH),
                            new WorkPledged(ID, "u1", road, MARCH, null, false),
                            new WorkPledged(ID, "u1", school, MARCH, null, false));
        }

        @Test
        void refusesAnIdOutsideTheSafeAlphabet() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1\u0000x", "UBND xã Hoàn Lão", null))
                    .expectException(refusal(Refusal.INVALID_TEXT)).expectNoEvents();
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1 x", "UBND xã Hoàn Lão", null))
                    .expectException(refusal(Refusal.INVALID_ID)).expectNoEvents();
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1/../x", "UBND xã Hoàn Lão", null))
                    .expectException(refusal(Refusal.INVALID_ID)).expectNoEvents();
        }

        @Test
        void refusesTooManyWorksAtOnceAndAnOverlongDescription() {
            List<PledgedWork> many = java.util.stream.IntStream.range(0, 51)
                    .mapToObj(i -> new PledgedWork("w" + i, "Công trình " + i, null)).toList();
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", many))
                    .expectException(refusal(Refusal.TOO_MANY_ITEMS)).expectNoEvents();
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão",
                            List.of(new PledgedWork("w1", "Đường", "x".repeat(17_000_000)))))
                    .expectException(refusal(Refusal.TEXT_TOO_LONG)).expectNoEvents();
        }

        @Test
        void refusesAWorkBeyondTheUnitsLimit() {
            List<Object> history = new java.util.ArrayList<>(List.of(launched(), registered("u1")));
            for (int i = 0; i < 100; i++) {
                history.add(new WorkPledged(ID, "u1", new PledgedWork("w" + i, "Công trình " + i, null), MARCH,
                        null, false));
            }
            fixture.givenCurrentTime(at(MARCH)).andGiven(history)
                    .when(new PledgeWork(ID, "u1", new PledgedWork("w100", "Công trình 100", null)))
                    .expectException(refusal(Refusal.LIMIT_REACHED)).expectNoEvents();
        }

        @Test
        void refusesAUnitBeyondTheCampaignsLimit() {
            List<Object> history = new java.util.ArrayList<>(List.of(launched()));
            for (int i = 0; i < vn.thidua.domain.common.Limits.PARTICIPANTS_PER_CAMPAIGN; i++) {
                history.add(new ParticipantRegistered(ID, "u" + i, "Đơn vị " + i, MARCH));
            }
            fixture.givenCurrentTime(at(MARCH)).andGiven(history)
                    .when(new RegisterParticipant(ID, "one-more", "Đơn vị thêm", null))
                    .expectException(refusal(Refusal.LIMIT_REACHED)).expectNoEvents();
        }

        @Test
        void refusesInspectionsAndReportsBeyondTheUnitsLimit() {
            List<Object> inspected = new java.util.ArrayList<>(List.of(launched(), registered("u1")));
            List<Object> reported = new java.util.ArrayList<>(List.of(launched(), registered("u1")));
            for (int i = 0; i < 100; i++) {
                inspected.add(new InspectionRecorded(ID, "u1", "i" + i, MARCH, "Đoàn", "Tốt", InspectionRating.GOOD));
                reported.add(new ReportSubmitted(ID, "u1", "r" + i, ReportKind.INTERIM, null, null, MARCH, false,
                        "Báo cáo"));
            }
            fixture.givenCurrentTime(at(MARCH)).andGiven(inspected)
                    .when(new RecordInspection(ID, "u1", "i100", MARCH, "Đoàn", "Tốt", InspectionRating.GOOD))
                    .expectException(refusal(Refusal.LIMIT_REACHED)).expectNoEvents();
            fixture.givenCurrentTime(at(MARCH)).andGiven(reported)
                    .when(new SubmitReport(ID, "u1", "r100", ReportKind.INTERIM, null, "Báo cáo"))
                    .expectException(refusal(Refusal.LIMIT_REACHED)).expectNoEvents();
        }

        @Test
        void refusesAnAmendmentBeyondTheCampaignsLimit() {
            List<Object> history = new java.util.ArrayList<>(List.of(launched()));
            for (int i = 0; i < 100; i++) {
                history.add(new CampaignAmended(ID, "Điều chỉnh " + i, PLAN));
            }
            fixture.givenCurrentTime(at(MARCH)).andGiven(history)
                    .when(new AmendCampaign(ID, "Một lần nữa", PLAN))
                    .expectException(refusal(Refusal.LIMIT_REACHED)).expectNoEvents();
        }

        @Test
        void refusesASecondRegistration() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched(), registered("u1"))
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", null))
                    .expectException(refusal(Refusal.ALREADY_REGISTERED)).expectNoEvents();
        }

        @Test
        void refusesAfterTheRegistrationDeadline() {
            fixture.givenCurrentTime(at(Plans.REGISTRATION_DUE.plusDays(1))).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", null))
                    .expectException(refusal(Refusal.REGISTRATION_CLOSED)).expectNoEvents();
        }

        @Test
        void acceptsOnTheDeadlineItself() {
            fixture.givenCurrentTime(at(Plans.REGISTRATION_DUE)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", null))
                    .expectEvents(new ParticipantRegistered(ID, "u1", "UBND xã Hoàn Lão", Plans.REGISTRATION_DUE));
        }

        @Test
        void refusesAfterConclusion() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched(), new CampaignConcluded(ID, MARCH, null))
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", null))
                    .expectException(refusal(Refusal.CAMPAIGN_CONCLUDED)).expectNoEvents();
        }

        @Test
        void refusesAfterClosure() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched(), new CampaignConcluded(ID, MARCH, null),
                            new CampaignClosed(ID, MARCH, null))
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", null))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }

        @Test
        void refusesMissingUnitName() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1", null, null))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesTwoWorksWithOneId() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched())
                    .when(new RegisterParticipant(ID, "u1", "UBND xã Hoàn Lão", List.of(road, road)))
                    .expectException(refusal(Refusal.DUPLICATE_ENTRY)).expectNoEvents();
        }
    }

    @Nested
    class Pledges {

        private final PledgedWork work = new PledgedWork("w1", "Nhà văn hóa tổ dân phố mẫu", null);

        @Test
        void pledgesAWork() {
            fixture.givenCurrentTime(at(MARCH)).andGiven(launched(), registered("u1"))
                    .when(new PledgeWork(ID, "u1", work))
                    .expectEvents(new WorkPledged(ID, "u1", work, MARCH, null, false));
        }

        @Test
        void marksAPledgeAfterThePledgeDeadlineLate() {
            LocalDate due = LocalDate.of(2020, 3, 1);
            CampaignPlan withPledgeDue = PLAN.withMilestones(List.of(
                    new Milestone("CT", MilestoneKind.PLEDGE, "Chọn công trình chào mừng", due, "UBND phường")));
            fixture.givenCurrentTime(at(MARCH)).andGiven(new CampaignLaunched(ID, withPledgeDue), registered("u1"))
                    .when(new PledgeWork(ID, "u1", work))
                    .expectEvents(new WorkPledged(ID, "u1", work, MARCH, due, true));
        }

        @Test
        void refusesAnUnregisteredUnit() {
            fixture.given(launched()).when(new PledgeWork(ID, "u9", work))
                    .expectException(refusal(Refusal.NOT_REGISTERED)).expectNoEvents();
        }

        @Test
        void refusesTheSameWorkTwice() {
            fixture.given(launched(), registered("u1"), new WorkPledged(ID, "u1", work, MARCH, null, false))
                    .when(new PledgeWork(ID, "u1", work))
                    .expectException(refusal(Refusal.WORK_ALREADY_PLEDGED)).expectNoEvents();
        }

        @Test
        void refusesAWorkWithoutTitle() {
            fixture.given(launched(), registered("u1"))
                    .when(new PledgeWork(ID, "u1", new PledgedWork("w1", null, null)))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesAfterConclusion() {
            fixture.given(launched(), registered("u1"), new CampaignConcluded(ID, MARCH, null))
                    .when(new PledgeWork(ID, "u1", work))
                    .expectException(refusal(Refusal.CAMPAIGN_CONCLUDED)).expectNoEvents();
        }
    }

    @Nested
    class Inspections {

        private final LocalDate june = LocalDate.of(2020, 6, 15);

        @Test
        void recordsAnInspection() {
            fixture.givenCurrentTime(at(june)).andGiven(launched(), registered("u1"))
                    .when(new RecordInspection(ID, "u1", "i1", june, "Đoàn kiểm tra HĐTĐKT huyện",
                            "Triển khai nghiêm túc", InspectionRating.GOOD))
                    .expectEvents(new InspectionRecorded(ID, "u1", "i1", june, "Đoàn kiểm tra HĐTĐKT huyện",
                            "Triển khai nghiêm túc", InspectionRating.GOOD));
        }

        @Test
        void refusesAnUnregisteredUnit() {
            fixture.givenCurrentTime(at(june)).andGiven(launched())
                    .when(new RecordInspection(ID, "u9", "i1", june, "Đoàn kiểm tra", null, InspectionRating.GOOD))
                    .expectException(refusal(Refusal.NOT_REGISTERED)).expectNoEvents();
        }

        @Test
        void refusesADateStillToCome() {
            fixture.givenCurrentTime(at(june)).andGiven(launched(), registered("u1"))
                    .when(new RecordInspection(ID, "u1", "i1", june.plusDays(1), "Đoàn kiểm tra", null,
                            InspectionRating.GOOD))
                    .expectException(refusal(Refusal.DATE_IN_FUTURE)).expectNoEvents();
        }

        @Test
        void refusesADateBeforeThePlan() {
            fixture.givenCurrentTime(at(june)).andGiven(launched(), registered("u1"))
                    .when(new RecordInspection(ID, "u1", "i1", Plans.ISSUED.minusDays(1), "Đoàn kiểm tra", null,
                            InspectionRating.GOOD))
                    .expectException(refusal(Refusal.DATE_BEFORE_PLAN)).expectNoEvents();
        }

        @Test
        void refusesTheSameInspectionTwice() {
            fixture.givenCurrentTime(at(june)).andGiven(launched(), registered("u1"),
                            new InspectionRecorded(ID, "u1", "i1", june, "Đoàn", null, InspectionRating.FAIR))
                    .when(new RecordInspection(ID, "u1", "i1", june, "Đoàn", null, InspectionRating.FAIR))
                    .expectException(refusal(Refusal.INSPECTION_ALREADY_RECORDED)).expectNoEvents();
        }

        @Test
        void refusesAMissingRating() {
            fixture.givenCurrentTime(at(june)).andGiven(launched(), registered("u1"))
                    .when(new RecordInspection(ID, "u1", "i1", june, "Đoàn", null, null))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesOnAClosedCampaign() {
            fixture.givenCurrentTime(at(june)).andGiven(launched(), registered("u1"),
                            new CampaignConcluded(ID, june, null), new CampaignClosed(ID, june, null))
                    .when(new RecordInspection(ID, "u1", "i1", june, "Đoàn", null, InspectionRating.GOOD))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }
    }

    @Nested
    class Reports {

        @Test
        void acceptsAReportOnTime() {
            fixture.givenCurrentTime(at(Plans.INTERIM_DUE)).andGiven(launched(), registered("u1"))
                    .when(new SubmitReport(ID, "u1", "r1", ReportKind.INTERIM, null, "Sơ kết 6 tháng"))
                    .expectEvents(new ReportSubmitted(ID, "u1", "r1", ReportKind.INTERIM, "SK", Plans.INTERIM_DUE,
                            Plans.INTERIM_DUE, false, "Sơ kết 6 tháng"));
        }

        @Test
        void acceptsALateReportAndMarksItLate() {
            LocalDate july = Plans.INTERIM_DUE.plusDays(5);
            fixture.givenCurrentTime(at(july)).andGiven(launched(), registered("u1"))
                    .when(new SubmitReport(ID, "u1", "r1", ReportKind.INTERIM, "SK", "Sơ kết"))
                    .expectEvents(new ReportSubmitted(ID, "u1", "r1", ReportKind.INTERIM, "SK", Plans.INTERIM_DUE,
                            july, true, "Sơ kết"));
        }

        @Test
        void refusesAnUnknownMilestone() {
            fixture.given(launched(), registered("u1"))
                    .when(new SubmitReport(ID, "u1", "r1", ReportKind.INTERIM, "XX", null))
                    .expectException(refusal(Refusal.UNKNOWN_MILESTONE)).expectNoEvents();
        }

        @Test
        void refusesAMilestoneOfAnotherKind() {
            fixture.given(launched(), registered("u1"))
                    .when(new SubmitReport(ID, "u1", "r1", ReportKind.INTERIM, "TK", null))
                    .expectException(refusal(Refusal.MILESTONE_KIND_MISMATCH)).expectNoEvents();
        }

        @Test
        void refusesASecondReportForOneMilestone() {
            fixture.given(launched(), registered("u1"), new ReportSubmitted(ID, "u1", "r1", ReportKind.FINAL, "TK",
                            Plans.FINAL_DUE, Plans.FINAL_DUE, false, null))
                    .when(new SubmitReport(ID, "u1", "r2", ReportKind.FINAL, null, null))
                    .expectException(refusal(Refusal.REPORT_ALREADY_SUBMITTED)).expectNoEvents();
        }

        @Test
        void refusesAReusedReportId() {
            fixture.given(launched(), registered("u1"), new ReportSubmitted(ID, "u1", "r1", ReportKind.INTERIM, "SK",
                            Plans.INTERIM_DUE, Plans.INTERIM_DUE, false, null))
                    .when(new SubmitReport(ID, "u1", "r1", ReportKind.FINAL, null, null))
                    .expectException(refusal(Refusal.REPORT_ID_TAKEN)).expectNoEvents();
        }

        @Test
        void refusesAnUnregisteredUnit() {
            fixture.given(launched())
                    .when(new SubmitReport(ID, "u9", "r1", ReportKind.FINAL, null, null))
                    .expectException(refusal(Refusal.NOT_REGISTERED)).expectNoEvents();
        }

        @Test
        void refusesOnAClosedCampaign() {
            fixture.given(launched(), registered("u1"), new CampaignConcluded(ID, MARCH, null),
                            new CampaignClosed(ID, MARCH, null))
                    .when(new SubmitReport(ID, "u1", "r1", ReportKind.FINAL, null, null))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }
    }

    @Nested
    class Overdue {

        @Test
        void recordsEachRegisteredUnitWithoutTheReportAsOverdue() {
            fixture.givenCurrentTime(at(Plans.ISSUED))
                    .andGivenCommands(new LaunchCampaign(ID, PLAN))
                    .andGiven(registered("u1"), registered("u2"), registered("u3"),
                            new ReportSubmitted(ID, "u2", "r2", ReportKind.INTERIM, "SK", Plans.INTERIM_DUE,
                                    Plans.INTERIM_DUE, false, null))
                    .whenThenTimeAdvancesTo(at(Plans.INTERIM_DUE.plusDays(1)))
                    .expectDeadlinesMet(new ReportDueDatePassed("SK", Plans.INTERIM_DUE))
                    .expectEvents(new ReportOverdue(ID, "u1", "SK", ReportKind.INTERIM, Plans.INTERIM_DUE),
                            new ReportOverdue(ID, "u3", "SK", ReportKind.INTERIM, Plans.INTERIM_DUE));
        }

        @Test
        void nothingIsOverdueBeforeTheDueDateHasEnded() {
            fixture.givenCurrentTime(at(Plans.ISSUED))
                    .andGivenCommands(new LaunchCampaign(ID, PLAN))
                    .andGiven(registered("u1"))
                    .whenThenTimeElapses(Duration.between(at(Plans.ISSUED), at(Plans.INTERIM_DUE)))
                    .expectNoEvents();
        }

        @Test
        void aDeadlineForAMilestoneTheAmendmentMovedRecordsNothing() {
            List<Milestone> moved = new ArrayList<>(PLAN.milestones());
            moved.set(1, new Milestone("SK", MilestoneKind.INTERIM_REPORT, "Sơ kết (lùi hạn)",
                    LocalDate.of(2020, 7, 15), "Các cơ quan, đơn vị"));
            fixture.givenCurrentTime(at(Plans.ISSUED))
                    .andGivenCommands(new LaunchCampaign(ID, PLAN))
                    .andGiven(registered("u1"), new CampaignAmended(ID, "Lùi hạn", PLAN.withMilestones(moved)))
                    .whenThenTimeAdvancesTo(at(Plans.INTERIM_DUE.plusDays(2)))
                    .expectDeadlinesMet(new ReportDueDatePassed("SK", Plans.INTERIM_DUE))
                    .expectNoEvents();
        }

        @Test
        void aUnitAlreadyOverdueIsNotRecordedTwice() {
            fixture.givenCurrentTime(at(Plans.ISSUED))
                    .andGivenCommands(new LaunchCampaign(ID, PLAN))
                    .andGiven(registered("u1"),
                            new ReportOverdue(ID, "u1", "SK", ReportKind.INTERIM, Plans.INTERIM_DUE))
                    .whenThenTimeAdvancesTo(at(Plans.INTERIM_DUE.plusDays(1)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Conclusion {

        @Test
        void concludes() {
            LocalDate december = LocalDate.of(2020, 12, 20);
            fixture.givenCurrentTime(at(december)).andGiven(launched())
                    .when(new ConcludeCampaign(ID, "Tổng kết đợt thi đua"))
                    .expectEvents(new CampaignConcluded(ID, december, "Tổng kết đợt thi đua"));
        }

        @Test
        void refusesConcludingTwice() {
            fixture.given(launched(), new CampaignConcluded(ID, MARCH, null))
                    .when(new ConcludeCampaign(ID, null))
                    .expectException(refusal(Refusal.ALREADY_CONCLUDED)).expectNoEvents();
        }

        @Test
        void refusesConcludingAClosedCampaign() {
            fixture.given(launched(), new CampaignConcluded(ID, MARCH, null), new CampaignClosed(ID, MARCH, null))
                    .when(new ConcludeCampaign(ID, null))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }

        @Test
        void closesAConcludedCampaignWhoseProposalsAreAllDecided() {
            LocalDate january = LocalDate.of(2021, 1, 20);
            fixture.givenCurrentTime(at(january)).andGiven(launched(), registered("u1"),
                            new ProposalAdmitted(ID, "p1", GIAY_KHEN, "u1", TargetGroup.INDIVIDUAL, "k1", "A"),
                            new AwardQuotaConsumed(ID, GIAY_KHEN, "p1", QuotaBucket.INDIVIDUALS, 1, 3),
                            new ProposalAdmitted(ID, "p2", GIAY_KHEN, "u1", TargetGroup.INDIVIDUAL, "k2", "B"),
                            new ProposalReleased(ID, "p2", "k2", ProposalOutcome.WITHDRAWN),
                            new CampaignConcluded(ID, MARCH, null))
                    .when(new CloseCampaign(ID, "Khép lại"))
                    .expectEvents(new CampaignClosed(ID, january, "Khép lại"));
        }

        @Test
        void refusesClosingBeforeConclusion() {
            fixture.given(launched()).when(new CloseCampaign(ID, null))
                    .expectException(refusal(Refusal.NOT_CONCLUDED)).expectNoEvents();
        }

        @Test
        void refusesClosingWithUndecidedProposals() {
            fixture.given(launched(), registered("u1"),
                            new ProposalAdmitted(ID, "p1", GIAY_KHEN, "u1", TargetGroup.INDIVIDUAL, "k1", "A"),
                            new CampaignConcluded(ID, MARCH, null))
                    .when(new CloseCampaign(ID, null))
                    .expectException(refusal(Refusal.PROPOSALS_PENDING)).expectNoEvents();
        }

        @Test
        void refusesClosingTwice() {
            fixture.given(launched(), new CampaignConcluded(ID, MARCH, null), new CampaignClosed(ID, MARCH, null))
                    .when(new CloseCampaign(ID, null))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }
    }
}

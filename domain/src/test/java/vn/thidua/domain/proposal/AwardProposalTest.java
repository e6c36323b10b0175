package vn.thidua.domain.proposal;

import vn.thidua.domain.proposal.value.ProposalOutcome;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.RejectProposal;
import vn.thidua.domain.proposal.command.ReturnForSupplement;
import vn.thidua.domain.proposal.command.RevokeAward;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.command.SupplementProposal;
import vn.thidua.domain.proposal.command.WithdrawProposal;
import vn.thidua.domain.proposal.model.AwardProposal;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.domain.proposal.value.Nominee;
import vn.thidua.domain.proposal.value.RevocationGround;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.value.ApprovalThreshold;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.AwardQuotaReleased;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignConcluded;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.value.DocumentType;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.campaign.ProposalReleased;
import vn.thidua.domain.campaign.QuotaAllocated;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.testing.CampaignWorld;
import vn.thidua.domain.testing.Plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.domain.testing.Plans.BANG_KHEN;
import static vn.thidua.domain.testing.Plans.GIAY_KHEN;
import static vn.thidua.domain.testing.Plans.at;
import static vn.thidua.domain.testing.Refusals.refusal;

class AwardProposalTest {

    private static final String CAMPAIGN = "c-1";
    private static final String P = "p-1";
    private static final String UNIT = "u1";
    private static final LocalDate SUBMITTED = LocalDate.of(2020, 7, 1);
    private static final LocalDate DECIDED = LocalDate.of(2020, 8, 1);
    private static final Nominee NGUYEN = new Nominee(TargetGroup.INDIVIDUAL, "Nguyễn Thị Hoa", null);
    private static final SchemeTerms DISTRICT_TERMS = new SchemeTerms("Giấy khen", "Chủ tịch UBND huyện",
            Level.DISTRICT, ApprovalThreshold.simpleMajority(), Plans.plan().dossierFor(Level.DISTRICT).documents());

    private AggregateTestFixture<AwardProposal> fixture;
    private CampaignWorld world;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AwardProposal.class);
        world = new CampaignWorld();
        fixture.registerInjectableResource(world.desk());
        world.given(CAMPAIGN, new CampaignLaunched(CAMPAIGN, Plans.plan()),
                new ParticipantRegistered(CAMPAIGN, UNIT, "Đảng bộ xã Mỹ An", LocalDate.of(2020, 3, 1)));
    }

    private SubmitProposal submit(String proposalId, Nominee nominee, String schemeId, List<DossierDocument> dossier) {
        return new SubmitProposal(proposalId, CAMPAIGN, UNIT, nominee, schemeId, "Hoàn thành xuất sắc nhiệm vụ",
                2020, dossier);
    }

    private static ProposalSubmitted submitted() {
        return new ProposalSubmitted(P, CAMPAIGN, UNIT, NGUYEN, GIAY_KHEN, DISTRICT_TERMS,
                "Hoàn thành xuất sắc nhiệm vụ", 2020, Plans.districtDossier(), SUBMITTED);
    }

    /** The campaign's side of an admitted proposal, for tests that start after submission. */
    private void admittedInCampaign(String proposalId, Nominee nominee, String schemeId) {
        world.given(CAMPAIGN, new ProposalAdmitted(CAMPAIGN, proposalId, schemeId, UNIT, nominee.kind(),
                nominee.key(), nominee.name()));
    }

    private static ProposalAppraised appraised(boolean favourable) {
        return new ProposalAppraised(P, favourable, "Hồ sơ đầy đủ", SUBMITTED);
    }

    private static CouncilVoteRecorded voted(boolean approved) {
        return new CouncilVoteRecorded(P, 9, approved ? 7 : 3, approved ? 2 : 6, 0,
                new BigDecimal(approved ? "0.7778" : "0.3333"), "trên 50%", approved, SUBMITTED);
    }

    private static AwardGranted granted() {
        return new AwardGranted(P, CAMPAIGN, GIAY_KHEN, NGUYEN, 2020,
                new AwardDecision("1234/QĐ-UBND", DECIDED, "Nguyễn Đăng Minh Xuân", "Chủ tịch"));
    }

    @Nested
    class Submit {

        @Test
        void submitsAndTheCampaignAdmitsIt() {
            fixture.givenCurrentTime(at(SUBMITTED))
                    .when(submit(P, NGUYEN, GIAY_KHEN, Plans.districtDossier()))
                    .expectEvents(submitted());
            assertThat(world.recordedSince(CAMPAIGN)).containsExactly(new ProposalAdmitted(CAMPAIGN, P, GIAY_KHEN,
                    UNIT, TargetGroup.INDIVIDUAL, NGUYEN.key(), NGUYEN.name()));
        }

        @Test
        void refusesAnIncompleteProvincialDossier() {
            List<DossierDocument> onlyOneReport = List.of(
                    new DossierDocument(DocumentType.SUBMISSION_MEMO, "Tờ trình", 1),
                    new DossierDocument(DocumentType.MEETING_MINUTES, "Biên bản", 1),
                    new DossierDocument(DocumentType.ACHIEVEMENT_REPORT, "Báo cáo thành tích", 1));
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, BANG_KHEN, onlyOneReport))
                    .expectException(refusal(Refusal.DOSSIER_INCOMPLETE)).expectNoEvents();
            assertThat(world.recordedSince(CAMPAIGN)).isEmpty();
        }

        @Test
        void acceptsTheProvincialDossierWithThreeReports() {
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, BANG_KHEN, Plans.provincialDossier()))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAUnitThatIsNotRegistered() {
            fixture.givenCurrentTime(at(SUBMITTED))
                    .when(new SubmitProposal(P, CAMPAIGN, "u-other", NGUYEN, GIAY_KHEN, "Thành tích", 2020,
                            Plans.districtDossier()))
                    .expectException(refusal(Refusal.NOT_REGISTERED)).expectNoEvents();
        }

        @Test
        void refusesAProposalBeyondTheCampaignsLimit() {
            Object[] admitted = new Object[vn.thidua.domain.common.Limits.PROPOSALS_PER_CAMPAIGN];
            for (int i = 0; i < admitted.length; i++) {
                admitted[i] = new ProposalAdmitted(CAMPAIGN, "p-" + i, GIAY_KHEN, UNIT, TargetGroup.INDIVIDUAL,
                        "INDIVIDUAL|name:n" + i, "N" + i);
            }
            world.given(CAMPAIGN, admitted);
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, GIAY_KHEN, Plans.districtDossier()))
                    .expectException(refusal(Refusal.LIMIT_REACHED)).expectNoEvents();
        }

        @Test
        void refusesAnotherParticipatingUnitAsTheCollectiveNominee() {
            world.given(CAMPAIGN, new ParticipantRegistered(CAMPAIGN, "u2", "UBND xã Nhị Thành", Plans.ISSUED));
            Nominee otherUnit = new Nominee(TargetGroup.COLLECTIVE, "UBND xã Nhị Thành", "u2");
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, otherUnit, GIAY_KHEN, Plans.districtDossier()))
                    .expectException(refusal(Refusal.NOMINEE_IS_OTHER_UNIT)).expectNoEvents();
            assertThat(world.recordedSince(CAMPAIGN)).isEmpty();
            Nominee itself = new Nominee(TargetGroup.COLLECTIVE, "UBND xã Mỹ An", UNIT);
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, itself, GIAY_KHEN, Plans.districtDossier()))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesASchemeTheCampaignDoesNotOffer() {
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, "HUAN-CHUONG", Plans.districtDossier()))
                    .expectException(refusal(Refusal.UNKNOWN_SCHEME)).expectNoEvents();
        }

        @Test
        void refusesANomineeKindTheSchemeDoesNotAllow() {
            Nominee household = new Nominee(TargetGroup.HOUSEHOLD, "Hộ ông Lê Văn Ba", null);
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, household, GIAY_KHEN, Plans.districtDossier()))
                    .expectException(refusal(Refusal.NOMINEE_KIND_NOT_ALLOWED)).expectNoEvents();
        }

        @Test
        void refusesASecondLiveProposalForTheSameNomineeWhateverTheSpelling() {
            admittedInCampaign("p-0", NGUYEN, BANG_KHEN);
            Nominee respelled = new Nominee(TargetGroup.INDIVIDUAL, "  nguyễn thị  Hoa ", null);
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, respelled, GIAY_KHEN, Plans.districtDossier()))
                    .expectException(refusal(Refusal.NOMINEE_HAS_LIVE_PROPOSAL)).expectNoEvents();
        }

        @Test
        void acceptsTheNomineeAgainOnceTheEarlierProposalWasWithdrawn() {
            admittedInCampaign("p-0", NGUYEN, BANG_KHEN);
            world.given(CAMPAIGN, new ProposalReleased(CAMPAIGN, "p-0", NGUYEN.key(), ProposalOutcome.WITHDRAWN));
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, GIAY_KHEN, Plans.districtDossier()))
                    .expectEvents(submitted());
        }

        @Test
        void refusesAfterTheProposalDeadline() {
            fixture.givenCurrentTime(at(Plans.PROPOSALS_DUE.plusDays(1)))
                    .when(submit(P, NGUYEN, GIAY_KHEN, Plans.districtDossier()))
                    .expectException(refusal(Refusal.PROPOSAL_DEADLINE_PASSED)).expectNoEvents();
        }

        @Test
        void refusesOnAClosedCampaign() {
            world.given(CAMPAIGN, new CampaignConcluded(CAMPAIGN, SUBMITTED, null),
                    new CampaignClosed(CAMPAIGN, SUBMITTED, null));
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, GIAY_KHEN, Plans.districtDossier()))
                    .expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }

        @Test
        void refusesAnUnknownCampaign() {
            fixture.givenCurrentTime(at(SUBMITTED))
                    .when(new SubmitProposal(P, "c-none", UNIT, NGUYEN, GIAY_KHEN, "Thành tích", 2020,
                            Plans.districtDossier()))
                    .expectException(refusal(Refusal.UNKNOWN_CAMPAIGN)).expectNoEvents();
        }

        @Test
        void refusesAnAchievementYearStillToCome() {
            fixture.givenCurrentTime(at(SUBMITTED))
                    .when(new SubmitProposal(P, CAMPAIGN, UNIT, NGUYEN, GIAY_KHEN, "Thành tích", 2021,
                            Plans.districtDossier()))
                    .expectException(refusal(Refusal.ACHIEVEMENT_YEAR_INVALID)).expectNoEvents();
        }

        @Test
        void refusesMissingNomineeOrDocuments() {
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, null, GIAY_KHEN, Plans.districtDossier()))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, GIAY_KHEN, List.of()))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesADocumentWithNoCopies() {
            List<DossierDocument> zero = List.of(new DossierDocument(DocumentType.SUBMISSION_MEMO, "Tờ trình", 0));
            fixture.givenCurrentTime(at(SUBMITTED)).when(submit(P, NGUYEN, GIAY_KHEN, zero))
                    .expectException(refusal(Refusal.NUMBER_OUT_OF_RANGE)).expectNoEvents();
        }
    }

    @Nested
    class ReturnAndSupplement {

        @Test
        void returnsForSupplement() {
            fixture.givenCurrentTime(at(SUBMITTED)).andGiven(submitted())
                    .when(new ReturnForSupplement(P, "Thiếu chữ ký trên tờ trình"))
                    .expectEvents(new ProposalReturnedForSupplement(P, "Thiếu chữ ký trên tờ trình", SUBMITTED));
        }

        @Test
        void refusesASecondReturn() {
            fixture.given(submitted(), new ProposalReturnedForSupplement(P, "Thiếu", SUBMITTED),
                            new ProposalSupplemented(P, Plans.districtDossier(), null, SUBMITTED))
                    .when(new ReturnForSupplement(P, "Lại thiếu"))
                    .expectException(refusal(Refusal.ALREADY_RETURNED_ONCE)).expectNoEvents();
        }

        @Test
        void refusesReturningAfterAppraisal() {
            fixture.given(submitted(), appraised(true)).when(new ReturnForSupplement(P, "Muộn"))
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesAReturnWithoutReason() {
            fixture.given(submitted()).when(new ReturnForSupplement(P, null))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void supplements() {
            fixture.givenCurrentTime(at(SUBMITTED))
                    .andGiven(submitted(), new ProposalReturnedForSupplement(P, "Thiếu", SUBMITTED))
                    .when(new SupplementProposal(P, UNIT, Plans.districtDossier(), "Đã ký bổ sung"))
                    .expectEvents(new ProposalSupplemented(P, Plans.districtDossier(), "Đã ký bổ sung", SUBMITTED));
        }

        @Test
        void refusesASupplementThatLeavesTheDossierIncomplete() {
            fixture.given(submitted(), new ProposalReturnedForSupplement(P, "Thiếu", SUBMITTED))
                    .when(new SupplementProposal(P, UNIT, List.of(new DossierDocument(DocumentType.SUBMISSION_MEMO,
                            "Tờ trình", 1)), null))
                    .expectException(refusal(Refusal.DOSSIER_INCOMPLETE)).expectNoEvents();
        }

        @Test
        void refusesASupplementNobodyAskedFor() {
            fixture.given(submitted()).when(new SupplementProposal(P, UNIT, Plans.districtDossier(), null))
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesASupplementFromAnotherUnit() {
            fixture.given(submitted(), new ProposalReturnedForSupplement(P, "Thiếu", SUBMITTED))
                    .when(new SupplementProposal(P, "u-other", Plans.districtDossier(), null))
                    .expectException(refusal(Refusal.PROPOSAL_NOT_FOUND)).expectNoEvents();
        }
    }

    @Nested
    class Appraisal {

        @Test
        void appraisesASubmittedProposal() {
            fixture.givenCurrentTime(at(SUBMITTED)).andGiven(submitted())
                    .when(new AppraiseProposal(P, true, "Hồ sơ đầy đủ"))
                    .expectEvents(appraised(true));
        }

        @Test
        void appraisesASupplementedProposal() {
            fixture.givenCurrentTime(at(SUBMITTED)).andGiven(submitted(),
                            new ProposalReturnedForSupplement(P, "Thiếu", SUBMITTED),
                            new ProposalSupplemented(P, Plans.districtDossier(), null, SUBMITTED))
                    .when(new AppraiseProposal(P, true, "Hồ sơ đầy đủ"))
                    .expectEvents(appraised(true));
        }

        @Test
        void refusesAppraisingWhileReturned() {
            fixture.given(submitted(), new ProposalReturnedForSupplement(P, "Thiếu", SUBMITTED))
                    .when(new AppraiseProposal(P, true, "Đạt"))
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesAnAppraisalWithoutVerdict() {
            fixture.given(submitted()).when(new AppraiseProposal(P, null, "?"))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesAppraisingTwice() {
            fixture.given(submitted(), appraised(true)).when(new AppraiseProposal(P, false, "Xem lại"))
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }
    }

    @Nested
    class CouncilVote {

        @Test
        void aSimpleMajorityOfAllMembersApproves() {
            fixture.givenCurrentTime(at(SUBMITTED)).andGiven(submitted(), appraised(true))
                    .when(new RecordCouncilVote(P, 9, 5, 4, 0))
                    .expectEvents(new CouncilVoteRecorded(P, 9, 5, 4, 0, new BigDecimal("0.5556"), "trên 50%", true,
                            SUBMITTED));
        }

        @Test
        void halfOfTheMembersIsNotAMajorityEvenIfOthersAbstain() {
            fixture.givenCurrentTime(at(SUBMITTED)).andGiven(submitted(), appraised(true))
                    .when(new RecordCouncilVote(P, 10, 5, 0, 5))
                    .expectEvents(new CouncilVoteRecorded(P, 10, 5, 0, 5, new BigDecimal("0.5000"), "trên 50%", false,
                            SUBMITTED));
        }

        @Test
        void ninetyPercentThresholdCountsTheWholeCouncil() {
            SchemeTerms provincial = new SchemeTerms("Bằng khen", "Chủ tịch UBND tỉnh", Level.PROVINCE,
                    ApprovalThreshold.atLeast("0.9"), List.of());
            ProposalSubmitted bk = new ProposalSubmitted(P, CAMPAIGN, UNIT, NGUYEN, BANG_KHEN, provincial, "x", 2020,
                    Plans.provincialDossier(), SUBMITTED);
            fixture.givenCurrentTime(at(SUBMITTED)).andGiven(bk, appraised(true))
                    .when(new RecordCouncilVote(P, 11, 9, 0, 0))
                    .expectEvents(new CouncilVoteRecorded(P, 11, 9, 0, 0, new BigDecimal("0.8182"), "từ 90%", false,
                            SUBMITTED));
        }

        @Test
        void refusesMoreVotesThanMembers() {
            fixture.given(submitted(), appraised(true)).when(new RecordCouncilVote(P, 9, 6, 3, 1))
                    .expectException(refusal(Refusal.VOTE_COUNTS_INVALID)).expectNoEvents();
        }

        @Test
        void refusesNegativeOrMissingCounts() {
            fixture.given(submitted(), appraised(true)).when(new RecordCouncilVote(P, 9, -1, 3, 1))
                    .expectException(refusal(Refusal.NUMBER_OUT_OF_RANGE)).expectNoEvents();
            fixture.given(submitted(), appraised(true)).when(new RecordCouncilVote(P, null, 1, 3, 1))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesCountsBeyondTheMembershipWithoutOverflow() {
            fixture.given(submitted(), appraised(true))
                    .when(new RecordCouncilVote(P, 9, Integer.MAX_VALUE, Integer.MAX_VALUE, 2))
                    .expectException(refusal(Refusal.NUMBER_OUT_OF_RANGE)).expectNoEvents();
            fixture.given(submitted(), appraised(true)).when(new RecordCouncilVote(P, 1_001, 900, 0, 0))
                    .expectException(refusal(Refusal.NUMBER_OUT_OF_RANGE)).expectNoEvents();
        }

        @Test
        void refusesAVoteBeforeAppraisal() {
            fixture.given(submitted()).when(new RecordCouncilVote(P, 9, 9, 0, 0))
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesAVoteAfterAnUnfavourableAppraisal() {
            fixture.given(submitted(), appraised(false)).when(new RecordCouncilVote(P, 9, 9, 0, 0))
                    .expectException(refusal(Refusal.APPRAISAL_UNFAVOURABLE)).expectNoEvents();
        }
    }

    @Nested
    class Grant {

        private final GrantAward grant = new GrantAward(P, "1234/QĐ-UBND", DECIDED, "Nguyễn Đăng Minh Xuân",
                "Chủ tịch");

        @Test
        void grantsAndConsumesAQuotaPlace() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true))
                    .when(grant).expectEvents(granted());
            assertThat(world.recordedSince(CAMPAIGN)).containsExactly(
                    new AwardQuotaConsumed(CAMPAIGN, GIAY_KHEN, P, QuotaBucket.INDIVIDUALS, 1, 3));
        }

        @Test
        void refusesWhenTheSchemesQuotaIsUsedUp() {
            for (String other : List.of("a", "b", "c")) {
                Nominee n = new Nominee(TargetGroup.INDIVIDUAL, "Cá nhân " + other, null);
                admittedInCampaign(other, n, GIAY_KHEN);
                world.given(CAMPAIGN, new AwardQuotaConsumed(CAMPAIGN, GIAY_KHEN, other, QuotaBucket.INDIVIDUALS,
                        List.of("a", "b", "c").indexOf(other) + 1, 3));
            }
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true))
                    .when(grant).expectException(refusal(Refusal.QUOTA_EXHAUSTED)).expectNoEvents();
            assertThat(world.recordedSince(CAMPAIGN)).isEmpty();
        }

        @Test
        void collectivesAndIndividualsHaveSeparateQuotas() {
            for (String other : List.of("a", "b", "c")) {
                Nominee n = new Nominee(TargetGroup.INDIVIDUAL, "Cá nhân " + other, null);
                admittedInCampaign(other, n, GIAY_KHEN);
                world.given(CAMPAIGN, new AwardQuotaConsumed(CAMPAIGN, GIAY_KHEN, other, QuotaBucket.INDIVIDUALS,
                        List.of("a", "b", "c").indexOf(other) + 1, 3));
            }
            Nominee chiBo = new Nominee(TargetGroup.COLLECTIVE, "Chi bộ ấp 3", "cb-3");
            admittedInCampaign(P, chiBo, GIAY_KHEN);
            ProposalSubmitted collective = new ProposalSubmitted(P, CAMPAIGN, UNIT, chiBo, GIAY_KHEN, DISTRICT_TERMS,
                    "x", 2020, Plans.districtDossier(), SUBMITTED);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(collective, appraised(true), voted(true))
                    .when(grant).expectSuccessfulHandlerExecution();
            assertThat(world.recordedSince(CAMPAIGN)).containsExactly(
                    new AwardQuotaConsumed(CAMPAIGN, GIAY_KHEN, P, QuotaBucket.COLLECTIVES, 1, 2));
        }

        @Test
        void refusesWhileTheQuotaIsPendingAllocation() {
            admittedInCampaign(P, NGUYEN, BANG_KHEN);
            ProposalSubmitted bk = new ProposalSubmitted(P, CAMPAIGN, UNIT, NGUYEN, BANG_KHEN, DISTRICT_TERMS, "x",
                    2020, Plans.provincialDossier(), SUBMITTED);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(bk, appraised(true), voted(true))
                    .when(grant).expectException(refusal(Refusal.QUOTA_PENDING)).expectNoEvents();
        }

        @Test
        void grantsOnceThePendingQuotaIsAllocated() {
            admittedInCampaign(P, NGUYEN, BANG_KHEN);
            world.given(CAMPAIGN, new QuotaAllocated(CAMPAIGN, BANG_KHEN, 1, 1, "CV 99/UBND"));
            ProposalSubmitted bk = new ProposalSubmitted(P, CAMPAIGN, UNIT, NGUYEN, BANG_KHEN, DISTRICT_TERMS, "x",
                    2020, Plans.provincialDossier(), SUBMITTED);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(bk, appraised(true), voted(true))
                    .when(grant).expectSuccessfulHandlerExecution();
            assertThat(world.recordedSince(CAMPAIGN)).containsExactly(
                    new AwardQuotaConsumed(CAMPAIGN, BANG_KHEN, P, QuotaBucket.INDIVIDUALS, 1, 1));
        }

        @Test
        void refusesWithoutTheCouncilsApproval() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(false))
                    .when(grant).expectException(refusal(Refusal.NOT_APPROVED_BY_COUNCIL)).expectNoEvents();
        }

        @Test
        void refusesBeforeTheVote() {
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true))
                    .when(grant).expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesADecisionDatedInTheFutureOrBeforeSubmission() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true))
                    .when(new GrantAward(P, "1/QĐ", DECIDED.plusDays(1), "A", null))
                    .expectException(refusal(Refusal.DATE_IN_FUTURE)).expectNoEvents();
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true))
                    .when(new GrantAward(P, "1/QĐ", SUBMITTED.minusDays(1), "A", null))
                    .expectException(refusal(Refusal.DECISION_BEFORE_SUBMISSION)).expectNoEvents();
        }

        @Test
        void refusesADecisionWithoutNumberOrSigner() {
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true))
                    .when(new GrantAward(P, " ", DECIDED, "A", null))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true))
                    .when(new GrantAward(P, "1/QĐ", DECIDED, null, null))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesGrantingTwice() {
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true), granted())
                    .when(grant).expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesOnAClosedCampaign() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            world.given(CAMPAIGN, new CampaignConcluded(CAMPAIGN, DECIDED, null),
                    new CampaignClosed(CAMPAIGN, DECIDED, null));
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(true))
                    .when(grant).expectException(refusal(Refusal.CAMPAIGN_CLOSED)).expectNoEvents();
        }
    }

    @Nested
    class RejectAndWithdraw {

        @Test
        void rejectsAndFreesTheNominee() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(true), voted(false))
                    .when(new RejectProposal(P, "Hội đồng không thông qua"))
                    .expectEvents(new ProposalRejected(P, CAMPAIGN, "Hội đồng không thông qua", DECIDED));
            assertThat(world.recordedSince(CAMPAIGN)).containsExactly(
                    new ProposalReleased(CAMPAIGN, P, NGUYEN.key(), ProposalOutcome.REJECTED));
        }

        @Test
        void rejectsAfterAnUnfavourableAppraisal() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.givenCurrentTime(at(DECIDED)).andGiven(submitted(), appraised(false))
                    .when(new RejectProposal(P, "Thẩm định không đạt"))
                    .expectEvents(new ProposalRejected(P, CAMPAIGN, "Thẩm định không đạt", DECIDED));
        }

        @Test
        void refusesARejectionBeforeAnyAppraisalOrVote() {
            fixture.given(submitted()).when(new RejectProposal(P, "Không đạt"))
                    .expectException(refusal(Refusal.REJECTION_WITHOUT_BASIS)).expectNoEvents();
            fixture.given(submitted(), appraised(true)).when(new RejectProposal(P, "Không đạt"))
                    .expectException(refusal(Refusal.REJECTION_WITHOUT_BASIS)).expectNoEvents();
        }

        @Test
        void refusesAnOverlongReason() {
            fixture.given(submitted(), appraised(false)).when(new RejectProposal(P, "x".repeat(10_001)))
                    .expectException(refusal(Refusal.TEXT_TOO_LONG)).expectNoEvents();
        }

        @Test
        void refusesTextThatIsNotValidUnicode() {
            fixture.given(submitted(), appraised(false)).when(new RejectProposal(P, "lý do \ud800"))
                    .expectException(refusal(Refusal.INVALID_TEXT)).expectNoEvents();
        }

        @Test
        void refusesRejectingAnAward() {
            fixture.given(submitted(), appraised(true), voted(true), granted())
                    .when(new RejectProposal(P, "Đổi ý"))
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesARejectionWithoutReason() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.given(submitted(), appraised(false)).when(new RejectProposal(P, ""))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void theProposingUnitWithdrawsBeforeADecision() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            fixture.givenCurrentTime(at(SUBMITTED)).andGiven(submitted())
                    .when(new WithdrawProposal(P, UNIT, "Đơn vị rút để đề nghị năm sau"))
                    .expectEvents(new ProposalWithdrawn(P, CAMPAIGN, "Đơn vị rút để đề nghị năm sau", SUBMITTED));
            assertThat(world.recordedSince(CAMPAIGN)).containsExactly(
                    new ProposalReleased(CAMPAIGN, P, NGUYEN.key(), ProposalOutcome.WITHDRAWN));
        }

        @Test
        void refusesAWithdrawalByAnotherUnit() {
            fixture.given(submitted()).when(new WithdrawProposal(P, "u-other", "Rút"))
                    .expectException(refusal(Refusal.PROPOSAL_NOT_FOUND)).expectNoEvents();
        }

        @Test
        void refusesAWithdrawalAfterTheDecision() {
            fixture.given(submitted(), appraised(true), voted(true), granted())
                    .when(new WithdrawProposal(P, UNIT, "Rút"))
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }
    }

    @Nested
    class Revoke {

        private final RevokeAward revoke = new RevokeAward(P, RevocationGround.FALSE_DOSSIER, "55/QĐ-UBND",
                LocalDate.of(2021, 3, 1), "Báo cáo thành tích kê khai sai số liệu");

        @Test
        void revokesAndReleasesTheQuotaPlace() {
            admittedInCampaign(P, NGUYEN, GIAY_KHEN);
            world.given(CAMPAIGN, new AwardQuotaConsumed(CAMPAIGN, GIAY_KHEN, P, QuotaBucket.INDIVIDUALS, 1, 3));
            fixture.givenCurrentTime(at(LocalDate.of(2021, 3, 2)))
                    .andGiven(submitted(), appraised(true), voted(true), granted())
                    .when(revoke)
                    .expectEvents(new AwardRevoked(P, CAMPAIGN, GIAY_KHEN, RevocationGround.FALSE_DOSSIER,
                            "55/QĐ-UBND", LocalDate.of(2021, 3, 1), "Báo cáo thành tích kê khai sai số liệu"));
            assertThat(world.recordedSince(CAMPAIGN)).containsExactly(
                    new AwardQuotaReleased(CAMPAIGN, GIAY_KHEN, P, QuotaBucket.INDIVIDUALS, 0, 3));
        }

        @Test
        void refusesRevokingWhatWasNotAwarded() {
            fixture.given(submitted()).when(revoke)
                    .expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesRevokingTwice() {
            fixture.givenCurrentTime(at(LocalDate.of(2021, 3, 2))).andGiven(submitted(), appraised(true),
                            voted(true), granted(), new AwardRevoked(P, CAMPAIGN, GIAY_KHEN,
                                    RevocationGround.FALSE_DOSSIER, "55/QĐ-UBND", LocalDate.of(2021, 3, 1), null))
                    .when(revoke).expectException(refusal(Refusal.PROPOSAL_STATE)).expectNoEvents();
        }

        @Test
        void refusesARevocationWithoutLegalGround() {
            fixture.givenCurrentTime(at(LocalDate.of(2021, 3, 2)))
                    .andGiven(submitted(), appraised(true), voted(true), granted())
                    .when(new RevokeAward(P, null, "55/QĐ-UBND", LocalDate.of(2021, 3, 1), null))
                    .expectException(refusal(Refusal.REQUIRED)).expectNoEvents();
        }

        @Test
        void refusesARevocationDatedBeforeTheAward() {
            fixture.givenCurrentTime(at(LocalDate.of(2021, 3, 2)))
                    .andGiven(submitted(), appraised(true), voted(true), granted())
                    .when(new RevokeAward(P, RevocationGround.STANDARD_NOT_MET, "55/QĐ", DECIDED.minusDays(1), null))
                    .expectException(refusal(Refusal.REVOCATION_BEFORE_AWARD)).expectNoEvents();
        }
    }
}

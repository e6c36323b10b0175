package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.AwardQuotaReleased;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.CampaignAmended;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignConcluded;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.campaign.InspectionRecorded;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.campaign.ProposalReleased;
import vn.thidua.domain.campaign.QuotaAllocated;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.CouncilVoteRecorded;
import vn.thidua.domain.proposal.ProposalAppraised;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.proposal.ProposalReturnedForSupplement;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.domain.proposal.ProposalSupplemented;
import vn.thidua.domain.proposal.ProposalWithdrawn;
import vn.thidua.projections.view.AwardView;
import vn.thidua.projections.view.CampaignView;
import vn.thidua.projections.view.ParticipantView;
import vn.thidua.projections.view.ProposalView;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static vn.thidua.projections.ReadModels.AWARDS;
import static vn.thidua.projections.ReadModels.CAMPAIGNS;
import static vn.thidua.projections.ReadModels.PARTICIPANTS;
import static vn.thidua.projections.ReadModels.PROPOSALS;
import static vn.thidua.projections.ReadModels.participantId;

/**
 * Builds {@code campaigns}, {@code participants}, {@code proposals} and {@code awards} from both aggregates' events.
 * <p>
 * Idempotency: every document remembers the global position of the last event applied to it ({@link View#accepts});
 * an event is applied to each document it concerns at most once. Where a campaign's counts depend on a unit's or a
 * proposal's previous state (overdue units, proposals by status), the campaign is changed first, from the other
 * document as it was, and collections are written in the order campaigns → participants → proposals → awards. So a
 * crash between two writes leaves the later document behind, never ahead, and redelivery completes it.
 */
@ProcessingGroup(ReadModels.READ_MODELS_GROUP)
public class ReadModelProjection {

    /** Collections this projection owns, in the order a batch writes them. */
    public static final List<String> COLLECTIONS = List.of(CAMPAIGNS, PARTICIPANTS, PROPOSALS, AWARDS);

    private final MongoDatabase database;
    private final BatchScope<DocumentBatch> batches;

    public ReadModelProjection(MongoDatabase database, DocumentMapper mapper) {
        this.database = database;
        this.batches = new BatchScope<>(ReadModels.READ_MODELS_GROUP,
                () -> new DocumentBatch(ReadModels.READ_MODELS_GROUP, database, mapper, COLLECTIONS));
    }

    /** The interceptor the processor needs so that each batch of events is one set of bulk writes. */
    public BatchScope<DocumentBatch> batchScope() {
        return batches;
    }

    @ResetHandler
    public void reset() {
        COLLECTIONS.forEach(name -> Projections.recreate(database, name));
        database.getCollection(ReadModels.PROGRESS).deleteMany(new Document("_id", ReadModels.READ_MODELS_GROUP));
    }

    // ------------------------------------------------------------------ campaign

    @EventHandler
    void on(CampaignLaunched e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = batch().findOrCreate(CAMPAIGNS, e.campaignId(), CampaignView.class, CampaignView::new);
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.status = CampaignStatus.LAUNCHED;
            c.launchedAt = fact.at();
            c.launchedBy = (String) message.getMetaData().get(ActorMetadata.ACTOR_ID);
            describe(c, e.plan());
        }
    }

    @EventHandler
    void on(CampaignAmended e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.amendments.add(new CampaignView.Amendment(fact.at(), e.reason()));
            describe(c, e.plan());
        }
    }

    private static void describe(CampaignView c, CampaignPlan plan) {
        c.plan = plan;
        c.title = plan.title();
        c.documentNumber = plan.documentNumber();
        c.issuer = plan.issuer().name();
        c.issuerLevel = plan.issuer().level().code();
        c.issuerKey = SearchText.fold(plan.issuer().name());
        c.years = IntStream.rangeClosed(plan.period().start().getYear(), plan.period().end().getYear()).boxed()
                .toList();
        c.search = SearchText.of(plan.title(), plan.theme(), plan.motto(), plan.issuer().name(),
                plan.documentNumber());
        for (AwardScheme scheme : plan.awardSchemes()) {
            CampaignView.SchemeQuota q = c.quotas.computeIfAbsent(scheme.schemeId(),
                    id -> new CampaignView.SchemeQuota());
            q.form = scheme.form();
            c.awardsByScheme.computeIfAbsent(scheme.schemeId(), id -> new CampaignView.AwardTally());
            if (q.allocationReference == null && scheme.quota() != null) {
                q.pending = scheme.quota().pending();
                q.collectives.set(scheme.quota().collectives(), q.collectives.used);
                q.individuals.set(scheme.quota().individuals(), q.individuals.used);
            }
        }
    }

    @EventHandler
    void on(QuotaAllocated e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            CampaignView.SchemeQuota q = c.quotas.computeIfAbsent(e.schemeId(), id -> new CampaignView.SchemeQuota());
            q.pending = false;
            q.allocationReference = e.reference();
            q.collectives.set(e.collectives(), q.collectives.used);
            q.individuals.set(e.individuals(), q.individuals.used);
        }
    }

    @EventHandler
    void on(ParticipantRegistered e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.counts.participants++;
        }
        ParticipantView p = batch().findOrCreate(PARTICIPANTS, participantId(e.campaignId(), e.unitId()),
                ParticipantView.class, ParticipantView::new);
        if (p.accepts(fact)) {
            p.version = fact.sequence();
            p.campaignId = e.campaignId();
            p.unitId = e.unitId();
            p.unitName = e.unitName();
            p.registeredOn = e.registeredOn();
        }
    }

    @EventHandler
    void on(WorkPledged e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.counts.pledgedWorks++;
            if (e.late()) {
                c.counts.lateWorks++;
            }
        }
        ParticipantView p = participant(e.campaignId(), e.unitId());
        if (p.accepts(fact)) {
            p.version = fact.sequence();
            p.works.add(new ParticipantView.Work(e.work().workId(), e.work().title(), e.work().description(),
                    e.pledgedOn(), e.dueDate(), e.late()));
        }
    }

    @EventHandler
    void on(InspectionRecorded e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.counts.inspections++;
        }
        ParticipantView p = participant(e.campaignId(), e.unitId());
        if (p.accepts(fact)) {
            p.version = fact.sequence();
            p.inspections.add(new ParticipantView.Inspection(e.inspectionId(), e.inspectedOn(), e.inspectedBy(),
                    e.findings(), e.rating()));
        }
    }

    @EventHandler
    void on(ReportSubmitted e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        ParticipantView p = participant(e.campaignId(), e.unitId());
        boolean clearsLastOverdue = p.overdue.size() == 1 && p.overdue.get(0).milestoneId().equals(e.milestoneId());
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            CampaignView.Counts n = c.counts;
            boolean interim = e.kind() == ReportKind.INTERIM;
            if (interim && e.late()) {
                n.interimReportsLate++;
            } else if (interim) {
                n.interimReportsOnTime++;
            } else if (e.late()) {
                n.finalReportsLate++;
            } else {
                n.finalReportsOnTime++;
            }
            if (clearsLastOverdue) {
                c.counts.overdueUnits--;
            }
        }
        if (p.accepts(fact)) {
            p.version = fact.sequence();
            p.reports.add(new ParticipantView.Report(e.reportId(), e.kind(), e.milestoneId(), e.dueDate(),
                    e.submittedOn(), e.late(), e.summary()));
            p.overdue.removeIf(o -> o.milestoneId().equals(e.milestoneId()));
        }
    }

    @EventHandler
    void on(ReportOverdue e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        ParticipantView p = participant(e.campaignId(), e.unitId());
        boolean firstOverdue = p.overdue.isEmpty();
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.counts.overdueReports++;
            if (firstOverdue) {
                c.counts.overdueUnits++;
            }
        }
        if (p.accepts(fact)) {
            p.version = fact.sequence();
            p.overdue.add(new ParticipantView.Overdue(e.milestoneId(), e.kind(), e.dueDate()));
            p.overdueCount++;
        }
    }

    @EventHandler
    void on(CampaignConcluded e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.status = CampaignStatus.CONCLUDED;
            c.concludedOn = e.concludedOn();
            c.conclusion = e.summary();
        }
    }

    @EventHandler
    void on(CampaignClosed e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            c.status = CampaignStatus.CLOSED;
            c.closedOn = e.closedOn();
            c.closingNote = e.note();
        }
    }

    /** Admission and release are the campaign's side of a proposal; the proposal's own events carry the detail. */
    @EventHandler
    void on(ProposalAdmitted e, EventMessage<?> message) {
        campaignVersion(e.campaignId(), Fact.of(message));
    }

    @EventHandler
    void on(ProposalReleased e, EventMessage<?> message) {
        campaignVersion(e.campaignId(), Fact.of(message));
    }

    @EventHandler
    void on(AwardQuotaConsumed e, EventMessage<?> message) {
        quotaUsed(e.campaignId(), e.schemeId(), e.bucket(), e.used(), e.limit(), Fact.of(message));
    }

    @EventHandler
    void on(AwardQuotaReleased e, EventMessage<?> message) {
        quotaUsed(e.campaignId(), e.schemeId(), e.bucket(), e.used(), e.limit(), Fact.of(message));
    }

    private void quotaUsed(String campaignId, String schemeId, QuotaBucket bucket, int used, int limit, Fact fact) {
        CampaignView c = campaign(campaignId);
        if (c.accepts(fact)) {
            c.version = fact.sequence();
            CampaignView.SchemeQuota q = c.quotas.computeIfAbsent(schemeId, id -> new CampaignView.SchemeQuota());
            (bucket == QuotaBucket.COLLECTIVES ? q.collectives : q.individuals).set(limit, used);
        }
    }

    private void campaignVersion(String campaignId, Fact fact) {
        CampaignView c = campaign(campaignId);
        if (c.accepts(fact)) {
            c.version = fact.sequence();
        }
    }

    // ------------------------------------------------------------------ proposal

    @EventHandler
    void on(ProposalSubmitted e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        if (c.accepts(fact)) {
            c.proposalsByStatus.merge(ProposalStatus.SUBMITTED.name(), 1, Integer::sum);
        }
        ProposalView p = batch().findOrCreate(PROPOSALS, e.proposalId(), ProposalView.class, ProposalView::new);
        if (p.accepts(fact)) {
            p.version = fact.sequence();
            p.campaignId = e.campaignId();
            p.campaignTitle = c.title;
            p.proposingUnitId = e.proposingUnitId();
            p.nominee = e.nominee();
            p.schemeId = e.schemeId();
            p.terms = e.terms();
            p.achievementSummary = e.achievementSummary();
            p.achievementYear = e.achievementYear();
            p.submittedOn = e.submittedOn();
            p.submittedAt = fact.at();
            p.documents = e.documents();
            p.search = SearchText.of(e.nominee().name(), e.nominee().nomineeId());
            moveTo(p, ProposalStatus.SUBMITTED, e.submittedOn(), null);
        }
    }

    @EventHandler
    void on(ProposalReturnedForSupplement e, EventMessage<?> message) {
        transition(e.proposalId(), ProposalStatus.RETURNED, e.returnedOn(), e.reason(), Fact.of(message), p -> {
        });
    }

    @EventHandler
    void on(ProposalSupplemented e, EventMessage<?> message) {
        transition(e.proposalId(), ProposalStatus.SUPPLEMENTED, e.supplementedOn(), e.note(), Fact.of(message),
                p -> p.documents = e.documents());
    }

    @EventHandler
    void on(ProposalAppraised e, EventMessage<?> message) {
        transition(e.proposalId(), ProposalStatus.APPRAISED, e.appraisedOn(), e.opinion(), Fact.of(message),
                p -> p.appraisal = new ProposalView.Appraisal(e.favourable(), e.opinion(), e.appraisedOn()));
    }

    @EventHandler
    void on(CouncilVoteRecorded e, EventMessage<?> message) {
        transition(e.proposalId(), ProposalStatus.VOTED, e.votedOn(), e.approved() ? "đạt" : "không đạt",
                Fact.of(message), p -> p.vote = new ProposalView.Vote(e.membersTotal(), e.votesFor(),
                        e.votesAgainst(), e.abstaining(), e.approvalRatio(), e.threshold(), e.approved(),
                        e.votedOn()));
    }

    @EventHandler
    void on(AwardGranted e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        CampaignView c = campaign(e.campaignId());
        ProposalView before = proposal(e.proposalId());
        transition(e.proposalId(), ProposalStatus.AWARDED, e.decision().date(), e.decision().number(), fact,
                campaign -> {
                    CampaignView.AwardTally tally = campaign.awardsByScheme.computeIfAbsent(e.schemeId(),
                            id -> new CampaignView.AwardTally());
                    tally.granted++;
                    tally.inForce++;
                },
                p -> p.decision = e.decision());
        AwardView a = batch().findOrCreate(AWARDS, e.proposalId(), AwardView.class, AwardView::new);
        if (a.accepts(fact)) {
            a.proposalId = e.proposalId();
            a.campaignId = e.campaignId();
            a.campaignTitle = c.title;
            a.schemeId = e.schemeId();
            a.form = before.terms.form();
            a.grantingAuthority = before.terms.grantingAuthority();
            a.level = before.terms.level();
            a.nominee = e.nominee();
            a.nomineeSearch = SearchText.of(e.nominee().name(), e.nominee().nomineeId());
            a.achievementYear = e.achievementYear();
            a.decision = e.decision();
            a.status = AwardView.IN_FORCE;
        }
    }

    @EventHandler
    void on(ProposalRejected e, EventMessage<?> message) {
        transition(e.proposalId(), ProposalStatus.REJECTED, e.rejectedOn(), e.reason(), Fact.of(message),
                p -> p.rejection = new ProposalView.Closing(e.reason(), e.rejectedOn()));
    }

    @EventHandler
    void on(ProposalWithdrawn e, EventMessage<?> message) {
        transition(e.proposalId(), ProposalStatus.WITHDRAWN, e.withdrawnOn(), e.reason(), Fact.of(message),
                p -> p.withdrawal = new ProposalView.Closing(e.reason(), e.withdrawnOn()));
    }

    @EventHandler
    void on(AwardRevoked e, EventMessage<?> message) {
        Fact fact = Fact.of(message);
        ProposalView.Revocation revocation = new ProposalView.Revocation(e.ground(), e.decisionNumber(),
                e.decisionDate(), e.explanation());
        transition(e.proposalId(), ProposalStatus.REVOKED, e.decisionDate(), e.ground().name(), fact,
                campaign -> {
                    CampaignView.AwardTally tally = campaign.awardsByScheme.computeIfAbsent(e.schemeId(),
                            id -> new CampaignView.AwardTally());
                    tally.revoked++;
                    tally.inForce--;
                },
                p -> p.revocation = revocation);
        AwardView a = batch().find(AWARDS, e.proposalId(), AwardView.class);
        if (a != null && a.accepts(fact)) {
            a.status = AwardView.REVOKED;
            a.revocation = revocation;
        }
    }

    /**
     * A proposal moves to {@code to}: its campaign's count of proposals by status follows (read from the proposal as
     * it was) with anything else the campaign counts, then the proposal itself changes.
     */
    private void transition(String proposalId, ProposalStatus to, LocalDate on, String remark, Fact fact,
                            Consumer<ProposalView> change) {
        transition(proposalId, to, on, remark, fact, campaign -> {
        }, change);
    }

    private void transition(String proposalId, ProposalStatus to, LocalDate on, String remark, Fact fact,
                            Consumer<CampaignView> campaignChange, Consumer<ProposalView> change) {
        ProposalView p = proposal(proposalId);
        CampaignView c = campaign(p.campaignId);
        if (c.accepts(fact)) {
            campaignChange.accept(c);
            c.proposalsByStatus.merge(p.status.name(), -1, Integer::sum);
            c.proposalsByStatus.remove(p.status.name(), 0);
            c.proposalsByStatus.merge(to.name(), 1, Integer::sum);
        }
        if (p.accepts(fact)) {
            p.version = fact.sequence();
            change.accept(p);
            moveTo(p, to, on, remark);
        }
    }

    private static void moveTo(ProposalView p, ProposalStatus to, LocalDate on, String remark) {
        p.status = to;
        p.statusLabel = to.label();
        p.history.add(new ProposalView.Step(to, on, remark));
    }

    // ------------------------------------------------------------------ documents

    private DocumentBatch batch() {
        return batches.current();
    }

    private CampaignView campaign(String campaignId) {
        return required(batch().find(CAMPAIGNS, campaignId, CampaignView.class), CAMPAIGNS, campaignId);
    }

    private ParticipantView participant(String campaignId, String unitId) {
        String id = participantId(campaignId, unitId);
        return required(batch().find(PARTICIPANTS, id, ParticipantView.class), PARTICIPANTS, id);
    }

    private ProposalView proposal(String proposalId) {
        return required(batch().find(PROPOSALS, proposalId, ProposalView.class), PROPOSALS, proposalId);
    }

    /** Events arrive in store order, so a document an event refers to exists; if not, the batch fails and retries. */
    private static <T> T required(T view, String collection, String id) {
        if (view == null) {
            throw new IllegalStateException(collection + "/" + id + " is missing: events out of order?");
        }
        return view;
    }
}

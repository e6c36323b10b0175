package vn.thidua.domain.campaign.model;

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
import vn.thidua.domain.campaign.ReportDueDatePassed;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.campaign.command.AllocateQuota;
import vn.thidua.domain.campaign.command.AmendCampaign;
import vn.thidua.domain.campaign.command.CloseCampaign;
import vn.thidua.domain.campaign.command.ConcludeCampaign;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.PledgeWork;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.command.SubmitReport;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.DossierRequirement;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.campaign.value.SchemeTerms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import vn.thidua.domain.common.Bounds;
import vn.thidua.domain.common.Check;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.Refusal.Act;
import vn.thidua.domain.common.Refusal.Counted;
import vn.thidua.domain.common.TargetGroup;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A phong trào thi đua launched by a plan. The campaign is the consistency boundary for everything counted across
 * its units and proposals: registrations, the quota of each award scheme, and "one achievement, one award".
 * Every rule about a campaign is in this class; proposals reach it through {@link #admitProposal},
 * {@link #consumeQuota}, {@link #releaseQuota} and {@link #releaseProposal} in the same unit of work.
 */
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private CampaignPlan plan;
    private CampaignStatus status;
    private int amendments;
    /** Registered units by id; each receives the events that carry its unitId. */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Participant> participants = new TreeMap<>();
    private final Set<String> inspectionIds = new HashSet<>();
    private final Set<String> reportIds = new HashSet<>();
    private final Map<String, AdmittedProposal> proposals = new HashMap<>();
    /** Nominee key → the live proposal that holds it. */
    private final Map<String, String> liveNominees = new HashMap<>();
    /** Scheme → quota places used, per bucket. */
    private final Map<String, Map<QuotaBucket, Integer>> quotaUsed = new HashMap<>();

    private record AdmittedProposal(String schemeId, TargetGroup nomineeKind, String nomineeKey, boolean decided) {
        AdmittedProposal decide() {
            return new AdmittedProposal(schemeId, nomineeKind, nomineeKey, true);
        }
    }

    protected Campaign() {
        // for Axon
    }

    // ------------------------------------------------------------------ launch and plan

    @CommandHandler
    public Campaign(LaunchCampaign command, PlanRegister planRegister, DeadlineManager deadlineManager) {
        Bounds.check(command);
        Check.required(command.campaignId(), "campaignId");
        CampaignPlan launched = Check.required(command.plan(), "plan").check();
        planRegister.register(launched, command.campaignId());
        apply(new CampaignLaunched(command.campaignId(), launched));
        scheduleReportDeadlines(null, launched, deadlineManager);
    }

    @CommandHandler
    public void handle(AmendCampaign command, DeadlineManager deadlineManager) {
        Bounds.check(command);
        requireNotClosed();
        Check.required(command.reason(), "reason");
        Bounds.room(amendments, Limits.AMENDMENTS_PER_CAMPAIGN, Counted.AMENDMENTS);
        CampaignPlan amended = Check.required(command.plan(), "plan").check();
        if (!amended.key().equals(plan.key())) {
            throw new DomainRuleException(Refusal.PLAN_IDENTITY_CHANGED, "plan.documentNumber",
                    plan.documentNumber() + " – " + plan.issuer().name());
        }
        for (AwardScheme current : plan.awardSchemes()) {
            Optional<AwardScheme> next = amended.scheme(current.schemeId());
            boolean inUse = proposals.values().stream().anyMatch(p -> p.schemeId().equals(current.schemeId()));
            if (next.isEmpty()) {
                if (inUse) {
                    throw new DomainRuleException(Refusal.SCHEME_IN_USE, "plan.awardSchemes", current.form());
                }
                continue;
            }
            for (QuotaBucket bucket : QuotaBucket.values()) {
                int used = used(current.schemeId(), bucket);
                if (used > next.get().quota().limit(bucket)) {
                    throw new DomainRuleException(Refusal.QUOTA_BELOW_USED, "plan.awardSchemes",
                            bucket.label(), current.form(), used);
                }
            }
        }
        CampaignPlan before = plan;
        apply(new CampaignAmended(campaignId, command.reason(), amended));
        scheduleReportDeadlines(before, amended, deadlineManager);
    }

    @CommandHandler
    public void handle(AllocateQuota command) {
        Bounds.check(command);
        requireNotClosed();
        Check.required(command.schemeId(), "schemeId");
        AwardScheme scheme = schemeOrRefuse(command.schemeId());
        if (!scheme.quota().pending()) {
            throw DomainRuleException.of(Refusal.QUOTA_NOT_PENDING, scheme.form());
        }
        Quota allocated = new Quota(false, command.collectives(), command.individuals());
        allocated.check("");
        apply(new QuotaAllocated(campaignId, command.schemeId(), allocated.collectives(), allocated.individuals(),
                command.reference()));
    }

    /** Report milestones that are new or moved get a deadline; stale deadlines find their milestone gone. */
    private void scheduleReportDeadlines(CampaignPlan before, CampaignPlan after, DeadlineManager deadlineManager) {
        for (Milestone m : after.milestones()) {
            boolean unchanged = before != null && before.milestone(m.milestoneId())
                    .filter(old -> old.dueDate().equals(m.dueDate()) && old.kind() == m.kind()).isPresent();
            if (m.kind().isReport() && !unchanged) {
                deadlineManager.schedule(DomainClock.endOf(m.dueDate()), ReportDueDatePassed.DEADLINE_NAME,
                        new ReportDueDatePassed(m.milestoneId(), m.dueDate()));
            }
        }
    }

    // ------------------------------------------------------------------ units

    @CommandHandler
    public void handle(RegisterParticipant command) {
        Bounds.check(command);
        requireNotClosed();
        requireNotConcluded();
        Check.required(command.unitId(), "unitId");
        Check.required(command.unitName(), "unitName");
        LocalDate today = DomainClock.today();
        Optional<LocalDate> deadline = plan.deadline(MilestoneKind.REGISTRATION);
        if (deadline.isPresent() && today.isAfter(deadline.get())) {
            throw DomainRuleException.of(Refusal.REGISTRATION_CLOSED, deadline.get());
        }
        if (participants.containsKey(command.unitId())) {
            throw DomainRuleException.of(Refusal.ALREADY_REGISTERED, command.unitId());
        }
        Bounds.room(participants.size(), Limits.PARTICIPANTS_PER_CAMPAIGN, Counted.PARTICIPANTS);
        List<PledgedWork> works = Check.orEmpty(command.pledgedWorks());
        for (int i = 0; i < works.size(); i++) {
            checkWork(works.get(i), "pledgedWorks[" + i + "]");
        }
        Check.unique(works, PledgedWork::workId, "pledgedWorks.workId");
        apply(new ParticipantRegistered(campaignId, command.unitId(), command.unitName(), today));
        works.forEach(work -> applyPledge(command.unitId(), work, today));
    }

    @CommandHandler
    public void handle(PledgeWork command) {
        Bounds.check(command);
        requireNotClosed();
        requireNotConcluded();
        Participant participant = registered(command.unitId());
        checkWork(command.work(), "work");
        participant.checkNewWork(command.work());
        applyPledge(command.unitId(), command.work(), DomainClock.today());
    }

    private static void checkWork(PledgedWork work, String at) {
        Check.required(work, at);
        Check.required(work.workId(), at + ".workId");
        Check.required(work.title(), at + ".title");
    }

    private void applyPledge(String unitId, PledgedWork work, LocalDate today) {
        LocalDate due = plan.deadline(MilestoneKind.PLEDGE).orElse(null);
        apply(new WorkPledged(campaignId, unitId, work, today, due, due != null && today.isAfter(due)));
    }

    @CommandHandler
    public void handle(RecordInspection command) {
        Bounds.check(command);
        requireNotClosed();
        Participant participant = registered(command.unitId());
        Check.required(command.inspectionId(), "inspectionId");
        Check.required(command.inspectedOn(), "inspectedOn");
        Check.required(command.inspectedBy(), "inspectedBy");
        Check.required(command.rating(), "rating");
        requireDateBetweenPlanAndToday(command.inspectedOn(), "inspectedOn", Act.INSPECTION);
        if (inspectionIds.contains(command.inspectionId())) {
            throw DomainRuleException.of(Refusal.INSPECTION_ALREADY_RECORDED, command.inspectionId());
        }
        participant.checkRoomForInspection();
        apply(new InspectionRecorded(campaignId, command.unitId(), command.inspectionId(), command.inspectedOn(),
                command.inspectedBy(), command.findings(), command.rating()));
    }

    @CommandHandler
    public void handle(SubmitReport command) {
        Bounds.check(command);
        requireNotClosed();
        Participant participant = registered(command.unitId());
        Check.required(command.reportId(), "reportId");
        ReportKind kind = Check.required(command.kind(), "kind");
        if (reportIds.contains(command.reportId())) {
            throw DomainRuleException.of(Refusal.REPORT_ID_TAKEN, command.reportId());
        }
        participant.checkRoomForReport();
        Milestone milestone = participant.reportMilestone(plan, kind, command.milestoneId());
        LocalDate today = DomainClock.today();
        LocalDate due = milestone == null ? null : milestone.dueDate();
        apply(new ReportSubmitted(campaignId, command.unitId(), command.reportId(), kind,
                milestone == null ? null : milestone.milestoneId(), due, today,
                due != null && today.isAfter(due), command.summary()));
    }

    /** When a report milestone's due date passes, each registered unit without that report is recorded overdue. */
    @DeadlineHandler(deadlineName = ReportDueDatePassed.DEADLINE_NAME)
    public void on(ReportDueDatePassed due) {
        if (status == CampaignStatus.CLOSED) {
            return;
        }
        Optional<Milestone> milestone = plan.milestone(due.milestoneId())
                .filter(m -> m.kind().isReport() && m.dueDate().equals(due.dueDate()));
        if (milestone.isEmpty()) {
            return; // the plan was amended since this deadline was scheduled
        }
        ReportKind kind = milestone.get().kind() == MilestoneKind.INTERIM_REPORT ? ReportKind.INTERIM : ReportKind.FINAL;
        for (Participant unit : participants.values()) {
            if (unit.owesReport(milestone.get())) {
                apply(new ReportOverdue(campaignId, unit.unitId(), due.milestoneId(), kind, due.dueDate()));
            }
        }
    }

    // ------------------------------------------------------------------ conclusion

    @CommandHandler
    public void handle(ConcludeCampaign command) {
        Bounds.check(command);
        requireNotClosed();
        if (status == CampaignStatus.CONCLUDED) {
            throw DomainRuleException.of(Refusal.ALREADY_CONCLUDED);
        }
        apply(new CampaignConcluded(campaignId, DomainClock.today(), command.summary()));
    }

    @CommandHandler
    public void handle(CloseCampaign command) {
        Bounds.check(command);
        requireNotClosed();
        if (status != CampaignStatus.CONCLUDED) {
            throw DomainRuleException.of(Refusal.NOT_CONCLUDED);
        }
        long undecided = proposals.values().stream().filter(p -> !p.decided()).count();
        if (undecided > 0) {
            throw DomainRuleException.of(Refusal.PROPOSALS_PENDING, undecided);
        }
        apply(new CampaignClosed(campaignId, DomainClock.today(), command.note()));
    }

    // ------------------------------------------------------------------ proposals (called by AwardProposal)

    /**
     * Checks a new proposal against this campaign and records that its nominee now holds a live proposal.
     * Returns the scheme's terms the proposal will be judged by.
     */
    public SchemeTerms admitProposal(String proposalId, String proposingUnitId, TargetGroup nomineeKind,
                                     String nomineeId, String nomineeKey, String nomineeName, String schemeId,
                                     List<DossierDocument> documents) {
        requireNotClosed();
        Optional<LocalDate> deadline = plan.deadline(MilestoneKind.PROPOSAL);
        if (deadline.isPresent() && DomainClock.today().isAfter(deadline.get())) {
            throw DomainRuleException.of(Refusal.PROPOSAL_DEADLINE_PASSED, deadline.get());
        }
        registered(proposingUnitId);
        AwardScheme scheme = schemeOrRefuse(schemeId);
        if (!scheme.nomineeKinds().contains(nomineeKind)) {
            throw new DomainRuleException(Refusal.NOMINEE_KIND_NOT_ALLOWED, "nominee.kind", scheme.form(),
                    nomineeKind.label());
        }
        // a unit proposes its own collective, never another participating unit (that unit proposes itself)
        if (nomineeKind == TargetGroup.COLLECTIVE && nomineeId != null && !nomineeId.equals(proposingUnitId)
                && participants.containsKey(nomineeId)) {
            throw new DomainRuleException(Refusal.NOMINEE_IS_OTHER_UNIT, "nominee.nomineeId", nomineeId);
        }
        DossierRequirement requirement = plan.dossierFor(scheme.level());
        List<String> shortfalls = requirement.shortfalls(documents);
        if (!shortfalls.isEmpty()) {
            throw new DomainRuleException(Refusal.DOSSIER_INCOMPLETE, "documents", scheme.level(),
                    String.join("; ", shortfalls));
        }
        Bounds.room(proposals.size(), Limits.PROPOSALS_PER_CAMPAIGN, Counted.PROPOSALS_OF_A_CAMPAIGN);
        String holder = liveNominees.get(nomineeKey);
        if (holder != null) {
            throw new DomainRuleException(Refusal.NOMINEE_HAS_LIVE_PROPOSAL, "nominee", nomineeName, holder);
        }
        apply(new ProposalAdmitted(campaignId, proposalId, schemeId, proposingUnitId, nomineeKind, nomineeKey,
                nomineeName));
        return new SchemeTerms(scheme.form(), scheme.grantingAuthority(), scheme.level(),
                scheme.approvalThreshold(), requirement.documents());
    }

    /** An award takes one place of its scheme's quota; a pending or exhausted quota refuses. */
    public void consumeQuota(String proposalId) {
        requireNotClosed();
        AdmittedProposal proposal = admitted(proposalId);
        AwardScheme scheme = schemeOrRefuse(proposal.schemeId());
        if (scheme.quota().pending()) {
            throw DomainRuleException.of(Refusal.QUOTA_PENDING, scheme.form());
        }
        QuotaBucket bucket = Quota.bucketFor(proposal.nomineeKind());
        int used = used(scheme.schemeId(), bucket);
        int limit = scheme.quota().limit(bucket);
        if (used >= limit) {
            throw DomainRuleException.of(Refusal.QUOTA_EXHAUSTED, bucket.label(), scheme.form(), used, limit);
        }
        apply(new AwardQuotaConsumed(campaignId, scheme.schemeId(), proposalId, bucket, used + 1, limit));
    }

    /** A revoked award gives its place back. Allowed after closure: revocation can come years later. */
    public void releaseQuota(String proposalId) {
        AdmittedProposal proposal = admitted(proposalId);
        QuotaBucket bucket = Quota.bucketFor(proposal.nomineeKind());
        int limit = plan.scheme(proposal.schemeId()).map(s -> s.quota().limit(bucket)).orElse(0);
        apply(new AwardQuotaReleased(campaignId, proposal.schemeId(), proposalId, bucket,
                used(proposal.schemeId(), bucket) - 1, limit));
    }

    /** A proposal that ended without an award frees its nominee for another proposal. */
    public void releaseProposal(String proposalId, String outcome) {
        AdmittedProposal proposal = admitted(proposalId);
        apply(new ProposalReleased(campaignId, proposalId, proposal.nomineeKey(), outcome));
    }

    // ------------------------------------------------------------------ guards

    private void requireNotClosed() {
        if (status == CampaignStatus.CLOSED) {
            throw DomainRuleException.of(Refusal.CAMPAIGN_CLOSED);
        }
    }

    private void requireNotConcluded() {
        if (status == CampaignStatus.CONCLUDED) {
            throw DomainRuleException.of(Refusal.CAMPAIGN_CONCLUDED);
        }
    }

    private Participant registered(String unitId) {
        Check.required(unitId, "unitId");
        Participant participant = participants.get(unitId);
        if (participant == null) {
            throw new DomainRuleException(Refusal.NOT_REGISTERED, "unitId", unitId);
        }
        return participant;
    }

    private AwardScheme schemeOrRefuse(String schemeId) {
        return plan.scheme(schemeId)
                .orElseThrow(() -> new DomainRuleException(Refusal.UNKNOWN_SCHEME, "schemeId", schemeId));
    }

    private AdmittedProposal admitted(String proposalId) {
        AdmittedProposal proposal = proposals.get(proposalId);
        if (proposal == null) {
            throw new IllegalStateException("Proposal " + proposalId + " was never admitted to " + campaignId);
        }
        return proposal;
    }

    private void requireDateBetweenPlanAndToday(LocalDate date, String field, Act what) {
        if (date.isAfter(DomainClock.today())) {
            throw new DomainRuleException(Refusal.DATE_IN_FUTURE, field, what, date);
        }
        if (date.isBefore(plan.issueDate())) {
            throw new DomainRuleException(Refusal.DATE_BEFORE_PLAN, field, what, date, plan.issueDate());
        }
    }

    private int used(String schemeId, QuotaBucket bucket) {
        return quotaUsed.getOrDefault(schemeId, Map.of()).getOrDefault(bucket, 0);
    }

    // ------------------------------------------------------------------ state from events

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        campaignId = event.campaignId();
        plan = event.plan();
        status = CampaignStatus.LAUNCHED;
    }

    @EventSourcingHandler
    void on(CampaignAmended event) {
        plan = event.plan();
        amendments++;
    }

    @EventSourcingHandler
    void on(QuotaAllocated event) {
        plan = plan.withQuota(event.schemeId(), Quota.of(event.collectives(), event.individuals()));
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participants.put(event.unitId(), new Participant(event.unitId(), event.registeredOn()));
    }

    @EventSourcingHandler
    void on(InspectionRecorded event) {
        inspectionIds.add(event.inspectionId());
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        reportIds.add(event.reportId());
    }

    @EventSourcingHandler
    void on(CampaignConcluded event) {
        status = CampaignStatus.CONCLUDED;
    }

    @EventSourcingHandler
    void on(CampaignClosed event) {
        status = CampaignStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ProposalAdmitted event) {
        proposals.put(event.proposalId(),
                new AdmittedProposal(event.schemeId(), event.nomineeKind(), event.nomineeKey(), false));
        liveNominees.put(event.nomineeKey(), event.proposalId());
    }

    @EventSourcingHandler
    void on(ProposalReleased event) {
        proposals.computeIfPresent(event.proposalId(), (id, p) -> p.decide());
        liveNominees.remove(event.nomineeKey(), event.proposalId());
    }

    @EventSourcingHandler
    void on(AwardQuotaConsumed event) {
        proposals.computeIfPresent(event.proposalId(), (id, p) -> p.decide());
        quotaUsed.computeIfAbsent(event.schemeId(), s -> new EnumMap<>(QuotaBucket.class)).put(event.bucket(), event.used());
    }

    @EventSourcingHandler
    void on(AwardQuotaReleased event) {
        quotaUsed.computeIfAbsent(event.schemeId(), s -> new EnumMap<>(QuotaBucket.class)).put(event.bucket(), event.used());
    }
}

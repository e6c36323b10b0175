package vn.thidua.domain.campaign.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.CampaignAmended;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignConcluded;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.QuotaAllocated;
import vn.thidua.domain.campaign.ReportDueDatePassed;
import vn.thidua.domain.campaign.ReportOverdue;
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
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.common.Bounds;
import vn.thidua.domain.common.Check;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.Refusal.Act;
import vn.thidua.domain.common.Refusal.Counted;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.value.ProposalOutcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A phong trào thi đua launched by a plan. The campaign is the consistency boundary for everything counted across
 * its units and proposals: registrations, the quota of each award scheme, and "one achievement, one award".
 * Every rule about a campaign is in this class or in its two members: {@link Participant} (a unit's own
 * rules) and {@link ProposalLedger} (proposals admitted and quota used). Proposals reach it through {@link #admitProposal},
 * {@link #consumeQuota}, {@link #releaseQuota} and {@link #releaseProposal} in the same unit of work.
 */
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Campaign extends CampaignState {

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
        ReportDeadlines.schedule(null, launched, deadlineManager);
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
        proposals.checkAmendment(plan, amended);
        CampaignPlan before = plan;
        apply(new CampaignAmended(campaignId, command.reason(), amended));
        ReportDeadlines.schedule(before, amended, deadlineManager);
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
            PledgedWork.check(works.get(i), "pledgedWorks[" + i + "]");
        }
        Check.unique(works, PledgedWork::workId, "pledgedWorks.workId");
        apply(new ParticipantRegistered(campaignId, command.unitId(), command.unitName(), today));
        Participant registered = participants.get(command.unitId());
        works.forEach(work -> registered.pledge(campaignId, work, plan, today));
    }

    @CommandHandler
    public void handle(PledgeWork command) {
        Bounds.check(command);
        requireNotClosed();
        requireNotConcluded();
        Participant participant = registered(command.unitId());
        participant.pledge(campaignId, PledgedWork.check(command.work(), "work"), plan, DomainClock.today());
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
        plan.checkPastDate(command.inspectedOn(), "inspectedOn", Act.INSPECTION);
        if (inspectionIds.contains(command.inspectionId())) {
            throw DomainRuleException.of(Refusal.INSPECTION_ALREADY_RECORDED, command.inspectionId());
        }
        participant.recordInspection(campaignId, command);
    }

    @CommandHandler
    public void handle(SubmitReport command) {
        Bounds.check(command);
        requireNotClosed();
        Participant participant = registered(command.unitId());
        Check.required(command.reportId(), "reportId");
        Check.required(command.kind(), "kind");
        if (reportIds.contains(command.reportId())) {
            throw DomainRuleException.of(Refusal.REPORT_ID_TAKEN, command.reportId());
        }
        participant.submitReport(campaignId, command, plan, DomainClock.today());
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
        ReportKind kind = ReportKind.of(milestone.get().kind());
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
        long undecided = proposals.undecided();
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
        // a unit proposes its own collective, never another participating unit (that unit proposes itself)
        if (nomineeKind == TargetGroup.COLLECTIVE && nomineeId != null && !nomineeId.equals(proposingUnitId)
                && participants.containsKey(nomineeId)) {
            throw new DomainRuleException(Refusal.NOMINEE_IS_OTHER_UNIT, "nominee.nomineeId", nomineeId);
        }
        return proposals.admit(campaignId, proposalId, plan, scheme, proposingUnitId, nomineeKind, nomineeKey,
                nomineeName, documents);
    }

    /** An award takes one place of its scheme's quota ({@link ProposalLedger#consumeQuota}). */
    public void consumeQuota(String proposalId) {
        requireNotClosed();
        proposals.consumeQuota(campaignId, proposalId, schemeOrRefuse(proposals.schemeOf(proposalId)));
    }

    /** A revoked award gives its place back. Allowed after closure: revocation can come years later. */
    public void releaseQuota(String proposalId) {
        proposals.releaseQuota(campaignId, proposalId, plan);
    }

    /** A proposal that ended without an award frees its nominee for another proposal. */
    public void releaseProposal(String proposalId, ProposalOutcome outcome) {
        proposals.releaseProposal(campaignId, proposalId, outcome);
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
}

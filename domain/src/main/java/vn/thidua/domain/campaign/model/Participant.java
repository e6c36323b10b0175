package vn.thidua.domain.campaign.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import vn.thidua.domain.campaign.InspectionRecorded;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.SubmitReport;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.MilestoneKind;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.common.Bounds;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.Refusal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A unit registered in a campaign, a member of the {@link Campaign} aggregate: its works, inspections and reports, and
 * the rules that are the unit's own. The campaign registers it and checks what spans units (the campaign's status,
 * ids unique across the campaign); the unit's own events reach it through the campaign's state, by its
 * {@code unitId}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Participant {

    private final String unitId;
    private final LocalDate registeredOn;
    private final Set<String> works = new HashSet<>();
    private final Set<String> reportedMilestones = new HashSet<>();
    private final Set<String> overdueMilestones = new HashSet<>();
    private int inspections;
    private int reports;

    @JsonCreator
    Participant(@JsonProperty("unitId") String unitId, @JsonProperty("registeredOn") LocalDate registeredOn) {
        this.unitId = unitId;
        this.registeredOn = registeredOn;
    }

    // ------------------------------------------------------------------ rules

    /** A work is pledged once, and a unit pledges a bounded number of works; late after the plan's pledge date. */
    void pledge(String campaignId, PledgedWork work, CampaignPlan plan, LocalDate today) {
        checkNewWork(work);
        LocalDate due = plan.deadline(MilestoneKind.PLEDGE).orElse(null);
        apply(new WorkPledged(campaignId, unitId, work, today, due, due != null && today.isAfter(due)));
    }

    /** A unit is inspected a bounded number of times. */
    void recordInspection(String campaignId, RecordInspection command) {
        Bounds.room(inspections, Limits.INSPECTIONS_PER_UNIT, Refusal.Counted.INSPECTIONS_OF_A_UNIT);
        apply(new InspectionRecorded(campaignId, unitId, command.inspectionId(), command.inspectedOn(),
                command.inspectedBy(), command.findings(), command.rating()));
    }

    /** A report answers one of the plan's report milestones ({@link #reportMilestone}); late after its due date. */
    void submitReport(String campaignId, SubmitReport command, CampaignPlan plan, LocalDate today) {
        Bounds.room(reports, Limits.REPORTS_PER_UNIT, Refusal.Counted.REPORTS_OF_A_UNIT);
        Milestone milestone = reportMilestone(plan, command.kind(), command.milestoneId());
        LocalDate due = milestone == null ? null : milestone.dueDate();
        apply(new ReportSubmitted(campaignId, unitId, command.reportId(), command.kind(),
                milestone == null ? null : milestone.milestoneId(), due, today,
                due != null && today.isAfter(due), command.summary()));
    }

    private void checkNewWork(PledgedWork work) {
        if (works.contains(work.workId())) {
            throw DomainRuleException.of(Refusal.WORK_ALREADY_PLEDGED, work.workId());
        }
        Bounds.room(works.size(), Limits.WORKS_PER_UNIT, Refusal.Counted.WORKS_OF_A_UNIT);
    }

    /**
     * The milestone a report answers: the one named, or else the unit's earliest unreported milestone of that
     * kind. Null when the plan sets no milestone of that kind (the report then has no due date).
     */
    private Milestone reportMilestone(CampaignPlan plan, ReportKind kind, String milestoneId) {
        if (milestoneId != null) {
            Milestone named = plan.milestone(milestoneId)
                    .orElseThrow(() -> new DomainRuleException(Refusal.UNKNOWN_MILESTONE, "milestoneId", milestoneId));
            if (named.kind() != kind.milestoneKind()) {
                throw new DomainRuleException(Refusal.MILESTONE_KIND_MISMATCH, "milestoneId", milestoneId,
                        named.kind().label(), kind.milestoneKind().label());
            }
            if (reportedMilestones.contains(milestoneId)) {
                throw DomainRuleException.of(Refusal.REPORT_ALREADY_SUBMITTED, unitId, milestoneId);
            }
            return named;
        }
        List<Milestone> ofKind = plan.milestones().stream().filter(m -> m.kind() == kind.milestoneKind())
                .sorted(Comparator.comparing(Milestone::dueDate)).toList();
        if (ofKind.isEmpty()) {
            return null;
        }
        return ofKind.stream().filter(m -> !reportedMilestones.contains(m.milestoneId())).findFirst()
                .orElseThrow(() -> DomainRuleException.of(Refusal.REPORT_ALREADY_SUBMITTED, unitId,
                        ofKind.get(ofKind.size() - 1).milestoneId()));
    }

    /**
     * Whether the unit is overdue once {@code milestone}'s due date has passed: it had registered by then, has not
     * reported, and is not recorded overdue for it already.
     */
    boolean owesReport(Milestone milestone) {
        return !registeredOn.isAfter(milestone.dueDate()) && !reportedMilestones.contains(milestone.milestoneId())
                && !overdueMilestones.contains(milestone.milestoneId());
    }

    String unitId() {
        return unitId;
    }

    // ------------------------------------------------------------------ state from the unit's events (handed over by
    // CampaignState, which finds the unit by its id)

    void on(WorkPledged event) {
        works.add(event.work().workId());
    }

    void on(InspectionRecorded event) {
        inspections++;
    }

    void on(ReportSubmitted event) {
        reports++;
        if (event.milestoneId() != null) {
            reportedMilestones.add(event.milestoneId());
        }
    }

    void on(ReportOverdue event) {
        overdueMilestones.add(event.milestoneId());
    }

    /** Compared field by field: the aggregate test fixture checks that events rebuild the state a command left. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Participant p && unitId.equals(p.unitId) && registeredOn.equals(p.registeredOn)
                && works.equals(p.works) && reportedMilestones.equals(p.reportedMilestones)
                && overdueMilestones.equals(p.overdueMilestones) && inspections == p.inspections
                && reports == p.reports;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitId, registeredOn);
    }
}

package vn.thidua.query.dashboard;

import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView.FollowUp;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One campaign's dashboard, all from its one document: participation, inspections by rating, reports per milestone,
 * the proposal funnel, quota per scheme, milestones with their state and how many units need following up (the units
 * themselves: {@code /follow-up}). Milestone states are relative to {@code today} (Vietnam).
 */
public record CampaignDashboard(String campaignId, String title, String documentNumber, String issuer,
                                String status, Period period, Participation participation, Inspections inspections,
                                List<MilestoneState> milestones, Funnel proposals, List<Quota> quotas, Awards awards,
                                List<AwardCount> awardsByYear, Map<String, Integer> followUp, LocalDate today,
                                Reflects reflects) {

    /** Days before a due date from which a milestone is due soon. */
    public static final int DUE_SOON_DAYS = 7;

    public record Participation(int registered, int unitsWithWorks, int unitsWithoutWorks, int pledgedWorks,
                                int lateWorks, int unitsReported, int unitsOverdue) {
    }

    public record Inspections(int total, Map<String, Integer> byRating) {
    }

    /** For a report milestone: units on time, late, still overdue, and not reported (overdue ones included). */
    public record Reports(int onTime, int late, int overdue, int missing) {
    }

    public record MilestoneState(String milestoneId, String kind, String kindLabel, String description,
                                 LocalDate dueDate, String responsibleBody, String state, String stateLabel,
                                 Long daysLeft, Reports reports) {
    }

    public record Step(String status, String label, int count) {
    }

    /** Proposals by status in the order of the lifecycle; {@code waiting}: still undecided. */
    public record Funnel(int total, int waiting, List<Step> steps) {
    }

    public record Quota(String schemeId, String form, boolean pending, String allocationReference,
                        CampaignView.Bucket collectives, CampaignView.Bucket individuals) {
    }

    public record Awards(int granted, int revoked, int inForce) {
    }

    /** Awards of one form and level for the achievements of one year. */
    public record AwardCount(int achievementYear, String form, String level, int granted, int revoked) {
    }

    public static CampaignDashboard of(CampaignView c, LocalDate today, Reflects reflects) {
        CampaignView.Counts n = c.counts;
        Participation participation = new Participation(n.participants, n.unitsWithWorks,
                n.participants - n.unitsWithWorks, n.pledgedWorks, n.lateWorks, n.unitsReported, n.overdueUnits);
        Map<String, Integer> byRating = new LinkedHashMap<>();
        for (InspectionRating rating : InspectionRating.values()) {
            byRating.put(rating.name(), c.inspectionsByRating.getOrDefault(rating.name(), 0));
        }
        List<MilestoneState> milestones = new ArrayList<>();
        if (c.plan != null) {
            for (Milestone m : c.plan.milestones()) {
                milestones.add(milestone(m, c, today));
            }
        }
        List<Step> steps = new ArrayList<>();
        int total = 0;
        int waiting = 0;
        for (ProposalStatus status : ProposalStatus.values()) {
            int count = c.proposalsByStatus.of(status);
            steps.add(new Step(status.name(), status.label(), count));
            total += count;
            waiting += status.undecided() ? count : 0;
        }
        List<Quota> quotas = new ArrayList<>();
        c.quotas.forEach((schemeId, q) -> quotas.add(new Quota(schemeId, q.form, q.pending, q.allocationReference,
                q.collectives, q.individuals)));
        int granted = 0;
        int revoked = 0;
        int inForce = 0;
        for (CampaignView.AwardTally tally : c.awardsByScheme.values()) {
            granted += tally.granted;
            revoked += tally.revoked;
            inForce += tally.inForce;
        }
        Map<String, Integer> followUp = new LinkedHashMap<>();
        followUp.put(FollowUp.OVERDUE.name(), n.overdueUnits);
        followUp.put(FollowUp.NO_REPORT.name(), n.participants - n.unitsReported);
        followUp.put(FollowUp.NO_WORK.name(), n.participants - n.unitsWithWorks);
        List<AwardCount> awardsByYear = c.awardCounts.stream().map(a -> new AwardCount(a.achievementYear, a.form,
                a.level == null ? null : a.level.code(), a.granted, a.revoked)).toList();
        return new CampaignDashboard(c.id, c.title, c.documentNumber, c.issuer, String.valueOf(c.status),
                c.plan == null ? null : c.plan.period(), participation, new Inspections(n.inspections, byRating),
                milestones, new Funnel(total, waiting, steps), quotas, new Awards(granted, revoked, inForce),
                awardsByYear, followUp, today, reflects);
    }

    private static MilestoneState milestone(Milestone m, CampaignView c, LocalDate today) {
        String state;
        String label;
        Long daysLeft = m.dueDate() == null ? null : today.until(m.dueDate(), ChronoUnit.DAYS);
        if (daysLeft == null) {
            state = "UNDATED";
            label = "Chưa định ngày";
        } else if (daysLeft < 0) {
            state = "PASSED";
            label = "Đã qua hạn";
        } else if (daysLeft <= DUE_SOON_DAYS) {
            state = "DUE_SOON";
            label = daysLeft == 0 ? "Đến hạn hôm nay" : "Sắp đến hạn";
        } else {
            state = "UPCOMING";
            label = "Sắp tới";
        }
        Reports reports = null;
        if (m.kind() != null && m.kind().isReport()) {
            CampaignView.MilestoneReports r = c.reportsByMilestone.getOrDefault(m.milestoneId(),
                    new CampaignView.MilestoneReports());
            reports = new Reports(r.onTime, r.late, r.overdue,
                    Math.max(0, c.counts.participants - r.onTime - r.late));
        }
        return new MilestoneState(m.milestoneId(), m.kind() == null ? null : m.kind().name(),
                m.kind() == null ? null : m.kind().label(), m.description(), m.dueDate(), m.responsibleBody(), state,
                label, daysLeft, reports);
    }
}

package vn.thidua.domain.campaign.model;

import org.axonframework.deadline.DeadlineManager;
import vn.thidua.domain.campaign.ReportDueDatePassed;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.common.DomainClock;

/**
 * The deadlines a plan's report milestones set: each fires once its due date (a Vietnam date) has ended, and the
 * campaign then records every unit without that report overdue ({@link Campaign#on(ReportDueDatePassed)}).
 */
final class ReportDeadlines {

    private ReportDeadlines() {
    }

    /** Report milestones that are new or moved get a deadline; stale deadlines find their milestone gone. */
    static void schedule(CampaignPlan before, CampaignPlan after, DeadlineManager deadlineManager) {
        for (Milestone m : after.milestones()) {
            boolean unchanged = before != null && before.milestone(m.milestoneId())
                    .filter(old -> old.dueDate().equals(m.dueDate()) && old.kind() == m.kind()).isPresent();
            if (m.kind().isReport() && !unchanged) {
                deadlineManager.schedule(DomainClock.endOf(m.dueDate()), ReportDueDatePassed.DEADLINE_NAME,
                        new ReportDueDatePassed(m.milestoneId(), m.dueDate()));
            }
        }
    }
}

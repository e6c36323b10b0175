package vn.thidua.projections.participants;

import vn.thidua.domain.campaign.InspectionRecorded;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.projections.VersionedView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code participants}: one document per campaign and registered unit. */
public class ParticipantView extends VersionedView {

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String UNIT_ID = "unitId";

    /** The {@link vn.thidua.projections.KeyIndex} key of a unit's participations (besides the campaign's). */
    public static String unitKey(String unitId) {
        return "unit:" + unitId;
    }

    public String campaignId;
    public String unitId;
    public String unitName;
    public LocalDate registeredOn;
    public List<Work> works = new ArrayList<>();
    public List<Inspection> inspections = new ArrayList<>();
    public List<Report> reports = new ArrayList<>();
    /** Reports recorded overdue and not submitted since. */
    public List<Overdue> overdue = new ArrayList<>();
    /** Overdue reports ever recorded for this unit. */
    public int overdueCount;

    // ------------------------------------------------------------------ what happened to the unit

    public void registered(ParticipantRegistered e) {
        campaignId = e.campaignId();
        unitId = e.unitId();
        unitName = e.unitName();
        registeredOn = e.registeredOn();
    }

    public void pledged(WorkPledged e) {
        works.add(new Work(e.work().workId(), e.work().title(), e.work().description(), e.pledgedOn(), e.dueDate(),
                e.late()));
    }

    public void inspected(InspectionRecorded e) {
        inspections.add(new Inspection(e.inspectionId(), e.inspectedOn(), e.inspectedBy(), e.findings(), e.rating()));
    }

    public void reported(ReportSubmitted e) {
        reports.add(new Report(e.reportId(), e.kind(), e.milestoneId(), e.dueDate(), e.submittedOn(), e.late(),
                e.summary()));
        overdue.removeIf(o -> o.milestoneId().equals(e.milestoneId()));
    }

    public void reportOverdue(ReportOverdue e) {
        overdue.add(new Overdue(e.milestoneId(), e.kind(), e.dueDate()));
        overdueCount++;
    }

    /** Whether the unit's report for {@code milestoneId} is recorded overdue (and not submitted since). */
    public boolean isOverdue(String milestoneId) {
        return overdue.stream().anyMatch(o -> o.milestoneId().equals(milestoneId));
    }

    /** Why the standing agency should follow the unit up, in this order; none when nothing is missing. */
    public List<FollowUp> followUps() {
        List<FollowUp> reasons = new ArrayList<>();
        if (!overdue.isEmpty()) {
            reasons.add(FollowUp.OVERDUE);
        }
        if (reports.isEmpty()) {
            reasons.add(FollowUp.NO_REPORT);
        }
        if (works.isEmpty()) {
            reasons.add(FollowUp.NO_WORK);
        }
        return reasons;
    }

    /** Why a unit needs following up. */
    public enum FollowUp {
        OVERDUE("có báo cáo quá hạn"),
        NO_REPORT("chưa nộp báo cáo nào"),
        NO_WORK("chưa đăng ký công trình, phần việc");

        private final String label;

        FollowUp(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The key of a campaign's units that need following up, for any reason ({@code reason} null) or one. */
    public static String followUpKey(String campaignId, FollowUp reason) {
        return "follow-up:" + campaignId + (reason == null ? "" : "/" + reason.name());
    }

    /** Whether a report for {@code milestoneId} would leave the unit with no report overdue. */
    public boolean wouldCatchUpWith(String milestoneId) {
        return overdue.size() == 1 && overdue.get(0).milestoneId().equals(milestoneId);
    }

    public record Work(String workId, String title, String description, LocalDate pledgedOn, LocalDate dueDate,
                       boolean late) {
    }

    public record Inspection(String inspectionId, LocalDate inspectedOn, String inspectedBy, String findings,
                             InspectionRating rating) {
    }

    public record Report(String reportId, ReportKind kind, String milestoneId, LocalDate dueDate,
                         LocalDate submittedOn, boolean late, String summary) {
    }

    public record Overdue(String milestoneId, ReportKind kind, LocalDate dueDate) {
    }
}

package vn.thidua.projections.view;

import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.projections.View;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code participants}: one document per campaign and registered unit. */
public class ParticipantView extends View {

    /** Sequence number of the campaign's last event applied to this unit. */
    public long version = -1;
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

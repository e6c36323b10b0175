package vn.thidua.domain.campaign;

import java.time.LocalDate;

/** Deadline payload: the due date of a report milestone has passed. */
public record ReportDueDatePassed(String milestoneId, LocalDate dueDate) {

    public static final String DEADLINE_NAME = "report-due-date";
}

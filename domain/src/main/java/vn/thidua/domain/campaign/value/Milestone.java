package vn.thidua.domain.campaign.value;

import java.time.LocalDate;

/** A dated step of the plan and who is responsible, e.g. "Kiểm tra … trong tháng 6/2020", Phòng Nội vụ. */
public record Milestone(String milestoneId, MilestoneKind kind, String description, LocalDate dueDate,
                        String responsibleBody) {
}

package vn.thidua.domain.campaign.value;

/** Công trình, phần việc chào mừng pledged by a unit. */
public record PledgedWork(String workId, String title, String description) {
}

package vn.thidua.domain.campaign.value;

/** Đánh giá của đoàn kiểm tra. */
public enum InspectionRating {
    EXCELLENT, GOOD, FAIR, POOR
}

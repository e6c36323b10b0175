package vn.thidua.domain.campaign.value;

/** Đánh giá của đoàn kiểm tra. */
public enum InspectionRating {
    EXCELLENT("Xuất sắc"), GOOD("Tốt"), FAIR("Khá"), POOR("Yếu");

    private final String label;

    InspectionRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

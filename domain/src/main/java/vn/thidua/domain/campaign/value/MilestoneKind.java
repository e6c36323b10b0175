package vn.thidua.domain.campaign.value;

/** Loại mốc thời gian trong kế hoạch. */
public enum MilestoneKind {
    ROLLOUT("Triển khai"),
    REGISTRATION("Hạn đăng ký thi đua"),
    PLEDGE("Hạn đăng ký công trình, phần việc"),
    INSPECTION("Kiểm tra"),
    INTERIM_REPORT("Sơ kết"),
    FINAL_REPORT("Tổng kết"),
    PROPOSAL("Hạn nộp hồ sơ đề nghị khen thưởng"),
    CEREMONY("Lễ kỷ niệm, hội nghị"),
    OTHER("Khác");

    private final String label;

    MilestoneKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isReport() {
        return this == INTERIM_REPORT || this == FINAL_REPORT;
    }
}

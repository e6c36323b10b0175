package vn.thidua.domain.campaign.value;

/** Loại văn bản trong hồ sơ đề nghị khen thưởng. */
public enum DocumentType {
    SUBMISSION_MEMO("Tờ trình"),
    MEETING_MINUTES("Biên bản họp"),
    ACHIEVEMENT_REPORT("Báo cáo thành tích"),
    OTHER("Tài liệu khác");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

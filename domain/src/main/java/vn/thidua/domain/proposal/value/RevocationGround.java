package vn.thidua.domain.proposal.value;

/** The four legal grounds for revoking an award decision. */
public enum RevocationGround {
    FRAUDULENT_DECLARATION("Gian dối trong kê khai thành tích"),
    FALSE_DOSSIER("Làm giả hồ sơ, giấy tờ"),
    UNLAWFUL_APPRAISAL_OR_APPROVAL("Xét duyệt, thẩm định, đề nghị khen thưởng trái pháp luật"),
    STANDARD_NOT_MET("Không đủ tiêu chuẩn khen thưởng");

    private final String label;

    RevocationGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

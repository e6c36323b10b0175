package vn.thidua.domain.proposal.value;

/** The lifecycle of an award proposal. */
public enum ProposalStatus {
    SUBMITTED("đã nộp"),
    RETURNED("trả lại để bổ sung"),
    SUPPLEMENTED("đã bổ sung"),
    APPRAISED("đã thẩm định"),
    VOTED("đã bỏ phiếu"),
    AWARDED("đã khen thưởng"),
    REJECTED("không khen thưởng"),
    WITHDRAWN("đã rút"),
    REVOKED("đã hủy quyết định");

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for a decision. */
    public boolean undecided() {
        return this == SUBMITTED || this == RETURNED || this == SUPPLEMENTED || this == APPRAISED || this == VOTED;
    }
}

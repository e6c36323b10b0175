package vn.thidua.domain.common;

import static vn.thidua.domain.common.RefusalCategory.CONFLICT;
import static vn.thidua.domain.common.RefusalCategory.FORBIDDEN;
import static vn.thidua.domain.common.RefusalCategory.INVALID;
import static vn.thidua.domain.common.RefusalCategory.NOT_FOUND;

/**
 * Every refusal the domain can give: a stable English code for integrators, the category that decides the HTTP
 * status, and the Vietnamese message shown to people. One place to read all the rules' refusals.
 */
public enum Refusal {
    // --- the request's own content ---
    REQUIRED("required", INVALID, "Thiếu thông tin bắt buộc: %s"),
    INVALID_VALUE("invalid-value", INVALID, "Giá trị không hợp lệ ở %s: %s"),
    INVALID_LEVEL_CODE("invalid-value", INVALID,
            "Giá trị không hợp lệ ở %s: mã cấp phải là chữ in hoa không dấu, ví dụ PROVINCE (nhận được \"%s\")"),
    PENDING_QUOTA_COUNTED("invalid-value", INVALID,
            "Giá trị không hợp lệ ở %s: chỉ tiêu đang chờ phân bổ thì không ghi số lượng"),
    COPIES_BELOW_ONE("invalid-value", INVALID, "Giá trị không hợp lệ ở %s: số bản phải từ 1 trở lên"),
    REVOCATION_BEFORE_AWARD("invalid-value", INVALID,
            "Giá trị không hợp lệ ở %s: ngày hủy bỏ trước ngày quyết định khen thưởng %s"),
    DUPLICATE_ENTRY("duplicate-entry", INVALID, "Mã %s bị lặp lại: %s"),
    PERIOD_END_BEFORE_START("period-end-before-start", INVALID,
            "Ngày kết thúc đợt thi đua (%s) trước ngày bắt đầu (%s)"),
    DUE_DATE_BEFORE_ISSUE_DATE("due-date-before-issue-date", INVALID,
            "Mốc \"%s\" có hạn %s, trước ngày ban hành kế hoạch %s"),
    NEGATIVE_QUOTA("negative-quota", INVALID, "Chỉ tiêu khen thưởng không được âm (%s)"),
    NO_TARGET_GROUP("no-target-group", INVALID, "Kế hoạch phải có ít nhất một đối tượng thi đua"),
    SCHEME_NOMINEE_OUTSIDE_TARGETS("scheme-nominee-outside-targets", INVALID,
            "Hình thức khen thưởng %s dành cho đối tượng %s, không thuộc đối tượng thi đua của kế hoạch"),
    INVALID_THRESHOLD("invalid-threshold", INVALID, "Ngưỡng tỷ lệ phiếu đồng ý phải lớn hơn 0 và không quá 1 (%s)"),
    VOTE_COUNTS_INVALID("vote-counts-invalid", INVALID,
            "Số phiếu không hợp lệ: %d đồng ý + %d không đồng ý + %d không biểu quyết vượt quá %d thành viên"),
    DATE_IN_FUTURE("date-in-future", INVALID, "Ngày %s (%s) chưa đến"),
    DATE_BEFORE_PLAN("date-before-plan", INVALID, "Ngày %s (%s) trước ngày ban hành kế hoạch (%s)"),
    ACHIEVEMENT_YEAR_INVALID("achievement-year-invalid", INVALID, "Năm thành tích %d không hợp lệ"),
    TEXT_TOO_LONG("text-too-long", INVALID, "Nội dung ở %s dài %d ký tự, vượt giới hạn %d ký tự"),
    INVALID_TEXT("invalid-text", INVALID,
            "Nội dung ở %s không phải văn bản Unicode hợp lệ (ký tự điều khiển hoặc ký tự thay thế đơn lẻ)"),
    INVALID_ID("invalid-id", INVALID, "Mã ở %s không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và . _ : - (bắt đầu "
            + "bằng chữ hoặc số), tối đa %d ký tự"),
    TOO_MANY_ITEMS("too-many-items", INVALID, "Danh sách %s có %d mục, vượt giới hạn %d mục"),
    NUMBER_OUT_OF_RANGE("number-out-of-range", INVALID, "Giá trị %s = %d nằm ngoài khoảng cho phép từ %d đến %d"),
    DATE_OUT_OF_RANGE("date-out-of-range", INVALID, "Ngày ở %s (%s) nằm ngoài khoảng cho phép từ %s đến %s"),
    PLAN_DATE_OUT_OF_WINDOW("plan-date-out-of-window", INVALID,
            "Ngày ở %s (%s) phải nằm trong khoảng %d năm trước đến %d năm sau ngày ban hành kế hoạch (%s)"),
    THRESHOLD_TOO_PRECISE("threshold-too-precise", INVALID,
            "Ngưỡng tỷ lệ phiếu đồng ý chỉ được có tối đa %d chữ số thập phân (%s)"),

    LIMIT_REACHED("limit-reached", CONFLICT, "Đã đạt giới hạn %d %s"),

    /** A client-chosen id (the key that makes a retried request safe) must be a UUID. */
    CLIENT_ID_NOT_UUID("invalid-id", INVALID, "Mã định danh do máy khách chọn phải là UUID (nhận được \"%s\")"),

    // --- who may act ---
    FORBIDDEN_UNIT("forbidden-unit", FORBIDDEN,
            "Tài khoản đơn vị %s chỉ được thao tác cho chính đơn vị mình, không cho %s"),
    /**
     * A unit acting on another unit's proposal is told what it would be told of a proposal that does not exist:
     * existence itself is not revealed to other units.
     */
    PROPOSAL_NOT_FOUND("not-found", NOT_FOUND, "Không tìm thấy hồ sơ đề nghị %s"),

    RECORD_NOT_FOUND("not-found", NOT_FOUND, "Không tìm thấy hồ sơ %s"),

    // --- the store ---
    ALREADY_EXISTS("already-exists", CONFLICT,
            "Mã định danh này đã được dùng; nếu đây là lần gửi lại, yêu cầu trước đã được ghi nhận"),
    CONCURRENT_MODIFICATION("concurrent-modification", CONFLICT,
            "Hồ sơ vừa được thay đổi bởi một yêu cầu khác; hãy thử lại"),

    // --- the plan ---
    PLAN_ALREADY_LAUNCHED("plan-already-launched", CONFLICT,
            "Kế hoạch số %s của %s đã được dùng để phát động phong trào %s"),
    PLAN_IDENTITY_CHANGED("plan-identity-changed", CONFLICT,
            "Điều chỉnh kế hoạch không được đổi số hiệu hoặc cơ quan ban hành (%s)"),
    SCHEME_IN_USE("scheme-in-use", CONFLICT,
            "Không thể bỏ hình thức khen thưởng %s vì đã có hồ sơ đề nghị theo hình thức này"),
    QUOTA_BELOW_USED("quota-below-used", CONFLICT,
            "Chỉ tiêu %s của hình thức %s không thể thấp hơn số đã khen thưởng (%d)"),
    QUOTA_NOT_PENDING("quota-not-pending", CONFLICT,
            "Chỉ tiêu của hình thức %s đã được xác định; muốn thay đổi phải điều chỉnh kế hoạch"),

    // --- the campaign's lifecycle ---
    CAMPAIGN_CLOSED("campaign-closed", CONFLICT, "Phong trào đã khép lại, không ghi nhận thêm"),
    CAMPAIGN_CONCLUDED("campaign-concluded", CONFLICT, "Phong trào đã tổng kết, không nhận đăng ký hay công trình mới"),
    REGISTRATION_CLOSED("registration-closed", CONFLICT, "Đã quá hạn đăng ký thi đua (hạn chót %s)"),
    ALREADY_CONCLUDED("already-concluded", CONFLICT, "Phong trào đã được tổng kết"),
    NOT_CONCLUDED("not-concluded", CONFLICT, "Phong trào phải được tổng kết trước khi khép lại"),
    PROPOSALS_PENDING("proposals-pending", CONFLICT,
            "Còn %d hồ sơ đề nghị khen thưởng chưa có quyết định; chưa thể khép lại phong trào"),

    // --- participants, works, inspections, reports ---
    ALREADY_REGISTERED("already-registered", CONFLICT, "Đơn vị %s đã đăng ký tham gia phong trào"),
    UNKNOWN_CAMPAIGN("unknown-campaign", INVALID, "Không có phong trào thi đua %s"),
    NOT_REGISTERED("not-registered", CONFLICT, "Đơn vị %s chưa đăng ký tham gia phong trào"),
    WORK_ALREADY_PLEDGED("work-already-pledged", CONFLICT, "Công trình %s đã được đăng ký"),
    INSPECTION_ALREADY_RECORDED("inspection-already-recorded", CONFLICT, "Cuộc kiểm tra %s đã được ghi nhận"),
    UNKNOWN_MILESTONE("unknown-milestone", CONFLICT, "Kế hoạch không có mốc %s"),
    MILESTONE_KIND_MISMATCH("milestone-kind-mismatch", CONFLICT, "Mốc %s là mốc %s, không phải mốc báo cáo %s"),
    REPORT_ALREADY_SUBMITTED("report-already-submitted", CONFLICT,
            "Đơn vị %s đã nộp báo cáo cho mốc %s"),
    REPORT_ID_TAKEN("report-id-taken", CONFLICT, "Mã báo cáo %s đã được dùng"),

    // --- proposals against their campaign ---
    UNKNOWN_SCHEME("unknown-scheme", CONFLICT, "Phong trào không có hình thức khen thưởng %s"),
    NOMINEE_KIND_NOT_ALLOWED("nominee-kind-not-allowed", CONFLICT,
            "Hình thức khen thưởng %s không dành cho đối tượng %s"),
    DOSSIER_INCOMPLETE("dossier-incomplete", CONFLICT, "Hồ sơ chưa đủ theo quy định khen cấp %s: %s"),
    NOMINEE_IS_OTHER_UNIT("nominee-is-other-unit", CONFLICT,
            "Tập thể được đề nghị (%s) là một đơn vị khác tham gia phong trào; mỗi đơn vị chỉ đề nghị tập thể của mình"),
    NOMINEE_HAS_LIVE_PROPOSAL("nominee-has-live-proposal", CONFLICT,
            "\"%s\" đã có hồ sơ đề nghị %s trong phong trào này (một thành tích chỉ đề nghị một hình thức)"),
    PROPOSAL_DEADLINE_PASSED("proposal-deadline-passed", CONFLICT, "Đã quá hạn nộp hồ sơ đề nghị khen thưởng (%s)"),
    QUOTA_PENDING("quota-pending", CONFLICT,
            "Chỉ tiêu của hình thức %s đang chờ phân bổ, chưa thể quyết định khen thưởng"),
    QUOTA_EXHAUSTED("quota-exhausted", CONFLICT,
            "Đã hết chỉ tiêu %s của hình thức %s (%d/%d)"),

    // --- the proposal's own lifecycle ---
    PROPOSAL_STATE("proposal-state", CONFLICT, "Hồ sơ đề nghị đang ở trạng thái %s, không thể %s"),
    REJECTION_WITHOUT_BASIS("rejection-without-basis", CONFLICT,
            "Chỉ ra quyết định không khen thưởng sau khi thẩm định không đạt hoặc sau khi Hội đồng đã biểu quyết "
                    + "(hồ sơ đang ở trạng thái %s)"),
    ALREADY_RETURNED_ONCE("already-returned-once", CONFLICT, "Hồ sơ chỉ được trả lại để bổ sung một lần"),
    APPRAISAL_UNFAVOURABLE("appraisal-unfavourable", CONFLICT,
            "Kết quả thẩm định không đạt; hồ sơ không đưa ra Hội đồng biểu quyết"),
    NOT_APPROVED_BY_COUNCIL("not-approved-by-council", CONFLICT,
            "Hội đồng chưa thông qua (tỷ lệ đồng ý %s, cần %s)"),
    DECISION_BEFORE_SUBMISSION("decision-before-submission", INVALID,
            "Ngày quyết định %s trước ngày nộp hồ sơ %s");

    /** What a limit counts ({@link #LIMIT_REACHED}). */
    public enum Counted {
        AMENDMENTS("lần điều chỉnh kế hoạch"),
        PARTICIPANTS("đơn vị tham gia phong trào"),
        WORKS_OF_A_UNIT("công trình của một đơn vị"),
        INSPECTIONS_OF_A_UNIT("cuộc kiểm tra của một đơn vị"),
        REPORTS_OF_A_UNIT("báo cáo của một đơn vị"),
        PROPOSALS_OF_A_CAMPAIGN("hồ sơ đề nghị của một phong trào");

        private final String words;

        Counted(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** An act a refusal names: what the proposal's state forbids ({@link #PROPOSAL_STATE}), or what a date is of. */
    public enum Act {
        RETURN_FOR_SUPPLEMENT("trả lại để bổ sung"),
        SUPPLEMENT("bổ sung hồ sơ"),
        APPRAISE("thẩm định"),
        PUT_TO_VOTE("đưa ra Hội đồng biểu quyết"),
        GRANT("quyết định khen thưởng"),
        REJECT("ra quyết định không khen thưởng"),
        WITHDRAW("rút hồ sơ"),
        REVOKE("hủy bỏ quyết định khen thưởng"),
        INSPECTION("kiểm tra"),
        DECISION("quyết định"),
        REVOCATION_DECISION("quyết định hủy bỏ");

        private final String words;

        Act(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    private final String code;
    private final RefusalCategory category;
    private final String messageTemplate;

    Refusal(String code, RefusalCategory category, String messageTemplate) {
        this.code = code;
        this.category = category;
        this.messageTemplate = messageTemplate;
    }

    public String code() {
        return code;
    }

    public RefusalCategory category() {
        return category;
    }

    public String message(Object... args) {
        return String.format(messageTemplate, args);
    }
}

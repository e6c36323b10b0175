package vn.thidua.domain.common;

/** Who does what in a campaign (docs/domain.md, "Who uses the platform"). */
public enum Role {
    /** Cơ quan thường trực: launches and runs campaigns, receives and appraises dossiers. */
    ORGANIZER,
    /** Đơn vị tham gia: acts only for its own unit. */
    UNIT,
    /** Đoàn kiểm tra. */
    INSPECTOR,
    /** Thư ký Hội đồng Thi đua – Khen thưởng: records votes. */
    COUNCIL,
    /** Người có thẩm quyền: signs award decisions and revocations. */
    APPROVER,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** Operates the platform (replays, administration); takes no business decision. */
    ADMIN,
    /**
     * An integration service (the cadre/HR system, the national commendation database, a portal): reads the event
     * feed and manages its own webhook subscriptions; nothing else.
     */
    INTEGRATION
}

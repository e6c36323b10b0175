package vn.thidua.domain.campaign.value;

/** Sơ kết (interim) or tổng kết (final). */
public enum ReportKind {
    INTERIM, FINAL;

    public MilestoneKind milestoneKind() {
        return this == INTERIM ? MilestoneKind.INTERIM_REPORT : MilestoneKind.FINAL_REPORT;
    }

    /** The kind of report a report milestone asks for. */
    public static ReportKind of(MilestoneKind milestone) {
        return milestone == MilestoneKind.INTERIM_REPORT ? INTERIM : FINAL;
    }
}

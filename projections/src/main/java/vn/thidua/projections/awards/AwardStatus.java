package vn.thidua.projections.awards;

/** Whether a granted award stands: in force until a decision revokes it. */
public enum AwardStatus {
    IN_FORCE,
    REVOKED
}

package vn.thidua.domain.campaign;

import vn.thidua.domain.common.TargetGroup;

/**
 * Chỉ tiêu khen thưởng of a scheme: a number of collectives and a number of individuals, or pending allocation
 * ("chờ phân bổ chỉ tiêu"). Household nominees count against the collectives' quota. A pending quota grants nothing.
 */
public record Quota(boolean pending, Integer collectives, Integer individuals) {

    public static Quota pendingAllocation() {
        return new Quota(true, null, null);
    }

    public static Quota of(int collectives, int individuals) {
        return new Quota(false, collectives, individuals);
    }

    /** Which of the two counts a nominee of this kind uses. */
    public static QuotaBucket bucketFor(TargetGroup nomineeKind) {
        return nomineeKind == TargetGroup.INDIVIDUAL ? QuotaBucket.INDIVIDUALS : QuotaBucket.COLLECTIVES;
    }

    public int limit(QuotaBucket bucket) {
        Integer n = bucket == QuotaBucket.INDIVIDUALS ? individuals : collectives;
        return n == null ? 0 : n;
    }
}

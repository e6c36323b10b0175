package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Bounds;
import vn.thidua.domain.common.Check;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.Refusal;
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

    /** Refuses a quota that is pending yet counted, or counts that are missing, negative or absurd. */
    public Quota check(String at) {
        if (pending()) {
            if (collectives() != null || individuals() != null) {
                throw new DomainRuleException(Refusal.PENDING_QUOTA_COUNTED, at, at);
            }
            return this;
        }
        Check.required(collectives(), at + ".collectives");
        Check.required(individuals(), at + ".individuals");
        if (collectives() < 0) {
            throw new DomainRuleException(Refusal.NEGATIVE_QUOTA, at + ".collectives", collectives());
        }
        if (individuals() < 0) {
            throw new DomainRuleException(Refusal.NEGATIVE_QUOTA, at + ".individuals", individuals());
        }
        Bounds.number(collectives(), 0, Limits.QUOTA_MAX, at + ".collectives");
        Bounds.number(individuals(), 0, Limits.QUOTA_MAX, at + ".individuals");
        return this;
    }
}

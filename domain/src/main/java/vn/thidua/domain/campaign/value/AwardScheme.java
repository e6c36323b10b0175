package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.TargetGroup;

import java.util.Set;

/**
 * Hình thức khen thưởng offered by a plan: e.g. "Giấy khen" of "Chủ tịch UBND huyện" at DISTRICT level for
 * collectives and individuals, with its quota and the council's approval threshold.
 */
public record AwardScheme(String schemeId, String form, String grantingAuthority, Level level,
                          Set<TargetGroup> nomineeKinds, Quota quota, ApprovalThreshold approvalThreshold) {

    public AwardScheme {
        nomineeKinds = nomineeKinds == null ? null : TargetGroup.ordered(nomineeKinds);
    }

    public AwardScheme withQuota(Quota newQuota) {
        return new AwardScheme(schemeId, form, grantingAuthority, level, nomineeKinds, newQuota, approvalThreshold);
    }
}

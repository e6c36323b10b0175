package vn.thidua.query.report;

import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.value.AwardDecision;
import vn.thidua.projections.awards.AwardStatus;
import vn.thidua.projections.awards.AwardView;

import java.util.List;

/**
 * The list annexed to an award decision (danh sách kèm theo quyết định): who the decision commended, in the order of
 * the registry, with the form, the proposing unit and the achievement. A decision is a legal act and is never edited:
 * an award revoked since stays on its list, with the revoking decision noted.
 */
public record DecisionAnnex(AwardDecision decision, String grantingAuthority, String campaignTitle, List<Row> rows) {

    public record Row(int number, String nominee, TargetGroup kind, String unit, String form, String level,
                      String achievement, String note) {
    }

    public long collectives() {
        return rows.stream().filter(r -> r.kind() == TargetGroup.COLLECTIVE).count();
    }

    public long individuals() {
        return rows.size() - collectives();
    }

    /** The note an award's row carries: none while in force, the revoking decision once revoked. */
    static String note(AwardView award) {
        if (award.status != AwardStatus.REVOKED || award.revocation == null) {
            return "";
        }
        return "Đã hủy theo Quyết định số " + award.revocation.decisionNumber() + " ngày "
                + Reports.date(award.revocation.decisionDate());
    }
}

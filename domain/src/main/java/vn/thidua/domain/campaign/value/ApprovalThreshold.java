package vn.thidua.domain.campaign.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ngưỡng tỷ lệ phiếu đồng ý, computed on the council's total membership. {@code ratio} 0.9 with {@code strict}
 * false means "at least 90%"; 0.5 with {@code strict} true means "more than half" (simple majority).
 */
public record ApprovalThreshold(BigDecimal ratio, boolean strict) {

    public static ApprovalThreshold atLeast(String ratio) {
        return new ApprovalThreshold(new BigDecimal(ratio), false);
    }

    public static ApprovalThreshold simpleMajority() {
        return new ApprovalThreshold(new BigDecimal("0.5"), true);
    }

    /** votesFor / membersTotal compared exactly (no floating point). */
    public boolean isMetBy(int votesFor, int membersTotal) {
        int cmp = BigDecimal.valueOf(votesFor).compareTo(ratio.multiply(BigDecimal.valueOf(membersTotal)));
        return strict ? cmp > 0 : cmp >= 0;
    }

    public static BigDecimal ratioOf(int votesFor, int membersTotal) {
        return BigDecimal.valueOf(votesFor).divide(BigDecimal.valueOf(membersTotal), 4, RoundingMode.HALF_UP);
    }

    public String describe() {
        String percent = ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return (strict ? "trên " : "từ ") + percent;
    }
}

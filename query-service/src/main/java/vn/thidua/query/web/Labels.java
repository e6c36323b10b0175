package vn.thidua.query.web;

import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.campaigns.CampaignView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The Vietnamese words the pages show for the API's codes, and dates as Vietnamese readers write them. */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static final Map<String, String> CAMPAIGN_STATUS = Map.of("LAUNCHED", "Đang triển khai",
            "CONCLUDED", "Đã tổng kết", "CLOSED", "Đã khép lại");
    private static final Map<String, String> LEVEL = Map.of("COMMUNE", "Cấp xã", "DISTRICT", "Cấp huyện",
            "PROVINCE", "Cấp tỉnh", "MINISTRY", "Cấp bộ, ngành", "CENTRAL", "Trung ương");
    private static final Map<String, String> KIND = Map.of("REGULAR", "Thường xuyên", "THEMATIC", "Chuyên đề",
            "SPECIAL", "Đợt đặc biệt", "PEAK", "Đợt cao điểm");
    private static final Map<String, String> AWARD_STATUS = Map.of("IN_FORCE", "Còn hiệu lực",
            "REVOKED", "Đã hủy");

    public String campaignStatus(Object status) {
        return label(CAMPAIGN_STATUS, status);
    }

    public String level(Object level) {
        return label(LEVEL, level);
    }

    /** An administrative level's Vietnamese name; a code the platform does not know, as it is. */
    public static String levelName(String code) {
        return code == null ? null : LEVEL.getOrDefault(code, code);
    }

    public String kind(Object kind) {
        return label(KIND, kind);
    }

    public String rating(Object rating) {
        return rating == null ? "" : InspectionRating.valueOf(String.valueOf(rating)).label();
    }

    public String awardStatus(Object status) {
        return label(AWARD_STATUS, status);
    }

    /** A nominee's kind, as {@link TargetGroup} names it. */
    public String nominee(Object kind) {
        return kind == null ? "" : TargetGroup.valueOf(String.valueOf(kind)).label();
    }

    /** A campaign's proposals still waiting for a decision. */
    public int waiting(CampaignView campaign) {
        int waiting = 0;
        for (ProposalStatus status : ProposalStatus.values()) {
            waiting += status.undecided() ? campaign.proposalsByStatus.of(status) : 0;
        }
        return waiting;
    }

    public String date(LocalDate date) {
        return dateText(date);
    }

    /** A date as Vietnamese documents write it (dd/MM/yyyy): the pages' and the printed reports'. */
    public static String dateText(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String label(Map<String, String> labels, Object code) {
        if (code == null) {
            return "";
        }
        String text = code instanceof Level level ? level.code() : String.valueOf(code);
        return labels.getOrDefault(text, text);
    }
}

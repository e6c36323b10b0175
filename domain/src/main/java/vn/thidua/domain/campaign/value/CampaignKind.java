package vn.thidua.domain.campaign.value;

/** Loại phong trào: thường xuyên, theo chuyên đề, đợt đặc biệt, đợt cao điểm. */
public enum CampaignKind {
    REGULAR, THEMATIC, SPECIAL, PEAK
}

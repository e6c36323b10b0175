package vn.thidua.domain.campaign.value;

/** Đang triển khai → đã tổng kết → đã khép lại. */
public enum CampaignStatus {
    LAUNCHED, CONCLUDED, CLOSED
}

package vn.thidua.domain.campaign.command;

import vn.thidua.domain.campaign.value.InspectionRating;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.LocalDate;

/** Ghi nhận kết quả kiểm tra tình hình triển khai tại một đơn vị đã đăng ký. */
public record RecordInspection(@TargetAggregateIdentifier String campaignId, String unitId, String inspectionId, LocalDate inspectedOn, String inspectedBy, String findings, InspectionRating rating) {
}

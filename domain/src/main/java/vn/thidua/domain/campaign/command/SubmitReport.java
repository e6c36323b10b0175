package vn.thidua.domain.campaign.command;

import vn.thidua.domain.campaign.value.ReportKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Nộp báo cáo sơ kết / tổng kết. milestoneId may be omitted: the unit's earliest unreported milestone of that kind is used. */
public record SubmitReport(@TargetAggregateIdentifier String campaignId, String unitId, String reportId, ReportKind kind, String milestoneId, String summary) {
}

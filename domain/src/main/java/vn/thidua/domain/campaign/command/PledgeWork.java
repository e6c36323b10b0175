package vn.thidua.domain.campaign.command;

import vn.thidua.domain.campaign.value.PledgedWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Đăng ký công trình, phần việc chào mừng by a registered unit. */
public record PledgeWork(@TargetAggregateIdentifier String campaignId, String unitId, PledgedWork work) {
}

package vn.thidua.domain.campaign.command;

import vn.thidua.domain.campaign.value.PledgedWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** Đăng ký thi đua: a unit joins, optionally pledging works. The unit's name is recorded as of today. */
public record RegisterParticipant(@TargetAggregateIdentifier String campaignId, String unitId, String unitName, List<PledgedWork> pledgedWorks) {
}

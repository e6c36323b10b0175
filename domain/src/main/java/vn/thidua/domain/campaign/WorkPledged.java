package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.PledgedWork;
import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** A unit pledged a work; late when pledged after the plan's pledge deadline (dueDate). */
@Revision("1")
public record WorkPledged(String campaignId, String unitId, PledgedWork work, LocalDate pledgedOn, LocalDate dueDate, boolean late) implements CampaignEvent {
}

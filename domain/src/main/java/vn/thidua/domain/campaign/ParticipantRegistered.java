package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** A unit registered; unitName is its name on that date. */
@Revision("1")
public record ParticipantRegistered(String campaignId, String unitId, String unitName, LocalDate registeredOn) implements CampaignEvent {
}

package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.InspectionRating;
import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** An inspection of a registered unit was recorded. */
@Revision("1")
public record InspectionRecorded(String campaignId, String unitId, String inspectionId, LocalDate inspectedOn, String inspectedBy, String findings, InspectionRating rating) implements CampaignEvent {
}

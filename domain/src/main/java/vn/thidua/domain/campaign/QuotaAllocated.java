package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;

/** A pending quota was allocated. */
@Revision("1")
public record QuotaAllocated(String campaignId, String schemeId, int collectives, int individuals, String reference) implements CampaignEvent {
}

package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.QuotaBucket;
import org.axonframework.serialization.Revision;

/** A revoked award gave its quota place back; used is the count after it. */
@Revision("1")
public record AwardQuotaReleased(String campaignId, String schemeId, String proposalId, QuotaBucket bucket, int used, int limit) implements CampaignEvent {
}

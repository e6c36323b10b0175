package vn.thidua.domain.campaign;

import vn.thidua.domain.campaign.value.QuotaBucket;
import org.axonframework.serialization.Revision;

/** An award used one place of a scheme's quota; used is the count after it. */
@Revision("1")
public record AwardQuotaConsumed(String campaignId, String schemeId, String proposalId, QuotaBucket bucket, int used, int limit) implements CampaignEvent {
}

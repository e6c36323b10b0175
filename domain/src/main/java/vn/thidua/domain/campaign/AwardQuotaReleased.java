package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;
import java.util.List;

/** A revoked award gave its quota place back; used is the count after it. */
@Revision("1")
public record AwardQuotaReleased(String campaignId, String schemeId, String proposalId, QuotaBucket bucket, int used, int limit) {
}

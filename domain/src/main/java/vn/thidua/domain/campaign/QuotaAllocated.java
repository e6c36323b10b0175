package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;
import java.util.List;

/** A pending quota was allocated. */
@Revision("1")
public record QuotaAllocated(String campaignId, String schemeId, int collectives, int individuals, String reference) {
}

package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.DossierDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The proposal was returned to its unit for supplement. */
@Revision("1")
public record ProposalReturnedForSupplement(String proposalId, String reason, LocalDate returnedOn) {
}

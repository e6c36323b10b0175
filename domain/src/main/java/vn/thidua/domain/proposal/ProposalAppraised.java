package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.DossierDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The proposal was appraised. */
@Revision("1")
public record ProposalAppraised(String proposalId, boolean favourable, String opinion, LocalDate appraisedOn) {
}

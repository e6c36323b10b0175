package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.DossierDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The proposing unit withdrew the proposal. */
@Revision("1")
public record ProposalWithdrawn(String proposalId, String campaignId, String reason, LocalDate withdrawnOn) {
}

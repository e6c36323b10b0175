package vn.thidua.domain.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.domain.campaign.DossierDocument;
import java.time.LocalDate;
import java.util.List;

/** Quyết định khen thưởng: consumes one place of the scheme's quota. */
public record GrantAward(@TargetAggregateIdentifier String proposalId, String decisionNumber, LocalDate decisionDate, String signerName, String signerTitle) {
}

package vn.thidua.domain.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.domain.campaign.DossierDocument;
import java.time.LocalDate;
import java.util.List;

/** Không khen thưởng: the proposal ends without an award. */
public record RejectProposal(@TargetAggregateIdentifier String proposalId, String reason) {
}

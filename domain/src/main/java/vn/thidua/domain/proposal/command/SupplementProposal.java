package vn.thidua.domain.proposal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.domain.campaign.value.DossierDocument;
import java.util.List;

/** Bổ sung hồ sơ: documents is the complete dossier after the supplement. actingUnitId is the acting unit user's unit, or null. */
public record SupplementProposal(@TargetAggregateIdentifier String proposalId, String actingUnitId, List<DossierDocument> documents, String note) {
}

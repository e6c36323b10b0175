package vn.thidua.domain.proposal.command;

import vn.thidua.domain.proposal.value.Nominee;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.domain.campaign.value.DossierDocument;
import java.util.List;

/** Nộp hồ sơ đề nghị khen thưởng. The id may be chosen by the client (UUID) so a retry is safe. */
public record SubmitProposal(@TargetAggregateIdentifier String proposalId, String campaignId, String proposingUnitId, Nominee nominee, String schemeId, String achievementSummary, Integer achievementYear, List<DossierDocument> documents) {
}

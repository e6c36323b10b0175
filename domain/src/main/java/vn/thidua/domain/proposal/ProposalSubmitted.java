package vn.thidua.domain.proposal;

import vn.thidua.domain.proposal.value.Nominee;
import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.SchemeTerms;
import java.time.LocalDate;
import java.util.List;

/** An award proposal was submitted with its dossier; terms are the scheme's rules it will be judged by. */
@Revision("1")
public record ProposalSubmitted(String proposalId, String campaignId, String proposingUnitId, Nominee nominee, String schemeId, SchemeTerms terms, String achievementSummary, int achievementYear, List<DossierDocument> documents, LocalDate submittedOn) implements ProposalEvent {
}

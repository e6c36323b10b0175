package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.DossierDocument;
import vn.thidua.domain.campaign.SchemeTerms;
import java.time.LocalDate;
import java.util.List;

/** An award proposal was submitted with its dossier; terms are the scheme's rules it will be judged by. */
@Revision("1")
public record ProposalSubmitted(String proposalId, String campaignId, String proposingUnitId, Nominee nominee, String schemeId, SchemeTerms terms, String achievementSummary, int achievementYear, List<DossierDocument> documents, LocalDate submittedOn) {
}

package vn.thidua.domain.proposal;

import org.axonframework.serialization.Revision;
import vn.thidua.domain.campaign.value.DossierDocument;
import java.time.LocalDate;
import java.util.List;

/** The unit supplemented the dossier; documents is the complete dossier now. */
@Revision("1")
public record ProposalSupplemented(String proposalId, List<DossierDocument> documents, String note, LocalDate supplementedOn) implements ProposalEvent {
}

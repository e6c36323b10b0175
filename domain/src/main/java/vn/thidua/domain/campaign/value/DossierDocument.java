package vn.thidua.domain.campaign.value;

/** A document in a proposal's dossier, with the number of copies supplied. */
public record DossierDocument(DocumentType type, String title, int copies) {
}

package vn.thidua.domain.campaign.value;

/** One line of a dossier rule: e.g. 03 Báo cáo thành tích. */
public record DocumentRequirement(DocumentType type, int copies) {
}

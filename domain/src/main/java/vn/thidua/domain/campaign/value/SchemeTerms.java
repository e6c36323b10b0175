package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Level;

import java.util.List;

/**
 * The scheme's rules a proposal is judged by, as they stood when the campaign admitted it: the award form,
 * its level and authority, the dossier it needs and the council's approval threshold.
 */
public record SchemeTerms(String form, String grantingAuthority, Level level, ApprovalThreshold approvalThreshold,
                          List<DocumentRequirement> requiredDocuments) {

    public List<String> dossierShortfalls(List<DossierDocument> documents) {
        return new DossierRequirement(level, requiredDocuments).shortfalls(documents);
    }
}

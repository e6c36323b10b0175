package vn.thidua.domain.campaign;

import org.axonframework.serialization.Revision;
import vn.thidua.domain.common.TargetGroup;

/** The campaign accepted an award proposal for one of its schemes; the nominee now holds a live proposal here. */
@Revision("1")
public record ProposalAdmitted(String campaignId, String proposalId, String schemeId, String proposingUnitId,
                               TargetGroup nomineeKind, String nomineeKey, String nomineeName) implements CampaignEvent {
}

package vn.thidua.domain.campaign;

import vn.thidua.domain.proposal.value.ProposalOutcome;

import org.axonframework.serialization.Revision;

/** A proposal ended without an award (WITHDRAWN or REJECTED); its nominee no longer holds a live proposal. */
@Revision("1")
public record ProposalReleased(String campaignId, String proposalId, String nomineeKey,
                               ProposalOutcome outcome) implements CampaignEvent {
}

package vn.thidua.query.history;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.List;
import java.util.Optional;

/**
 * A campaign's sequence read from the event store: the campaign's events and its proposals' events, in the order
 * of the store, upcast and deserialized as the processors receive them, each with its global position. What
 * {@code AsOf} folds and the decision histories list.
 */
public interface SequenceEvents {

    /** Every event of the campaign and of the proposals it admitted, in position order; empty for no campaign. */
    List<TrackedEventMessage<?>> ofCampaign(String campaignId);

    /** The campaign a proposal was submitted to; empty when there is no such proposal. */
    Optional<String> campaignOfProposal(String proposalId);
}

package vn.thidua.projections;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import vn.thidua.domain.common.ActorMetadata;

/**
 * The sequence an event belongs to, for the read models: its campaign. A campaign's document counts its units' and
 * its proposals' events, so all of them must stay in order together; a proposal's events name their campaign in their
 * metadata. When one event of a campaign cannot be applied, the dead-letter queue parks it and every later event of
 * the same campaign behind it, while other campaigns go on. Events without a campaign (a plan's registration) are
 * sequenced by their aggregate.
 */
public final class CampaignSequencing implements SequencingPolicy<EventMessage<?>> {

    public static final CampaignSequencing INSTANCE = new CampaignSequencing();

    private CampaignSequencing() {
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object campaign = event.getMetaData().get(ActorMetadata.CAMPAIGN_ID);
        if (campaign instanceof String id && !id.isEmpty()) {
            return id;
        }
        if (event instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }
}

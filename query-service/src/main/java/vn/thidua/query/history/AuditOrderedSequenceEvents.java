package vn.thidua.query.history;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.audit.AuditIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sequences from Axon Server, whose reads of an aggregate carry no global position: each aggregate's events are read
 * from the event store, and placed at the positions the audit trail recorded for their event ids (its per-aggregate
 * index). Events the audit trail has not reached yet are left out, so an answer reflects the trail's progress, which
 * it states (the position of its last event).
 */
public final class AuditOrderedSequenceEvents implements SequenceEvents {

    private final EventStore eventStore;
    private final MongoDatabase database;

    public AuditOrderedSequenceEvents(EventStore eventStore, MongoDatabase database) {
        this.eventStore = eventStore;
        this.database = database;
    }

    @Override
    public List<TrackedEventMessage<?>> ofCampaign(String campaignId) {
        List<DomainEventMessage<?>> campaign = read(campaignId);
        Set<String> aggregates = new LinkedHashSet<>(List.of(campaignId));
        for (DomainEventMessage<?> message : campaign) {
            if (message.getPayload() instanceof ProposalAdmitted admitted) {
                aggregates.add(admitted.proposalId());
            }
        }
        List<TrackedEventMessage<?>> placed = new ArrayList<>();
        for (String aggregate : aggregates) {
            List<DomainEventMessage<?>> events = aggregate.equals(campaignId) ? campaign
                    : read(aggregate);
            Map<String, Long> positions = positions(aggregate);
            for (DomainEventMessage<?> event : events) {
                Long position = positions.get(event.getIdentifier());
                if (position != null) {
                    placed.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                            event));
                }
            }
        }
        placed.sort(Comparator.comparingLong(m -> m.trackingToken().position().orElseThrow()));
        return placed;
    }

    @Override
    public Optional<String> campaignOfProposal(String proposalId) {
        return read(proposalId).stream().map(DomainEventMessage::getPayload)
                .filter(ProposalSubmitted.class::isInstance).map(p -> ((ProposalSubmitted) p).campaignId())
                .findFirst();
    }

    private List<DomainEventMessage<?>> read(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(m -> m).toList();
    }

    /** Event id → position, for the aggregate's entries of the audit trail. */
    private Map<String, Long> positions(String aggregateId) {
        List<Long> entries = AuditIndex.positions(database, AuditIndex.aggregateKey(aggregateId));
        Map<String, Long> byEvent = new HashMap<>();
        for (Document entry : database.getCollection(ReadModels.AUDIT).find(Filters.in("_id", entries))
                .projection(Projections.include("eventId"))) {
            byEvent.put(entry.getString("eventId"), ((Number) entry.get("_id")).longValue());
        }
        return byEvent;
    }
}

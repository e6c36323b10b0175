package vn.thidua.domain.testing;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.deadline.StubDeadlineManager;
import vn.thidua.domain.campaign.model.Campaign;
import vn.thidua.domain.campaign.model.PlanRegister;
import vn.thidua.domain.plan.PlanRegistration;
import vn.thidua.domain.plan.RepositoryPlanRegister;
import vn.thidua.domain.proposal.model.RepositoryCampaignDesk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The campaigns a proposal fixture talks to: the real {@link Campaign} aggregate in an in-memory event store,
 * reached through the real {@link RepositoryCampaignDesk}. Tests seed a campaign's history, run proposal commands
 * in the fixture, then read what the campaign recorded.
 */
public final class CampaignWorld {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, Integer> seeded = new HashMap<>();
    private final EventSourcingRepository<Campaign> campaigns;
    private final EventSourcingRepository<PlanRegistration> plans;

    public CampaignWorld() {
        plans = EventSourcingRepository.builder(PlanRegistration.class).eventStore(store).build();
        PlanRegister planRegister = new RepositoryPlanRegister(() -> plans);
        DeadlineManager deadlines = new StubDeadlineManager();
        campaigns = EventSourcingRepository.builder(Campaign.class).eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Campaign.class),
                        new SimpleResourceParameterResolverFactory(List.of(planRegister, deadlines))))
                .build();
    }

    public RepositoryCampaignDesk desk() {
        return new RepositoryCampaignDesk(() -> campaigns);
    }

    public RepositoryPlanRegister planRegister() {
        return new RepositoryPlanRegister(() -> plans);
    }

    /** Appends history to a campaign's stream, as if it had been recorded earlier. */
    public CampaignWorld given(String campaignId, Object... events) {
        int next = seeded.getOrDefault(campaignId, 0);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>("Campaign", campaignId, next++, event));
        }
        store.publish(messages);
        seeded.put(campaignId, next);
        return this;
    }

    /** Payloads of everything recorded in the aggregate's stream after what the test seeded. */
    public List<Object> recordedSince(String aggregateId) {
        return store.readEvents(aggregateId).asStream()
                .skip(seeded.getOrDefault(aggregateId, 0))
                .map(DomainEventMessage::getPayload).collect(Collectors.toList());
    }

    /** Every event payload in the store, in order. */
    public List<Object> allEvents(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload)
                .collect(Collectors.toList());
    }

}

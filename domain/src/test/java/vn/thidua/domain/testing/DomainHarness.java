package vn.thidua.domain.testing;

import vn.thidua.domain.common.ActorMetadata;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import vn.thidua.domain.campaign.model.Campaign;
import vn.thidua.domain.campaign.model.PlanRegister;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.plan.PlanRegistration;
import vn.thidua.domain.plan.RepositoryPlanRegister;
import vn.thidua.domain.proposal.model.AwardProposal;
import vn.thidua.domain.proposal.model.CampaignDesk;
import vn.thidua.domain.proposal.model.RepositoryCampaignDesk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The domain wired the way an application wires it: a real command bus and event store, the three aggregates, the
 * plan register and the campaign desk, Jackson as serializer. Commands run at a simulated date.
 */
public final class DomainHarness implements AutoCloseable {

    private final Configuration configuration;

    public DomainHarness() {
        this(configurer -> {
        });
    }

    /** The same, with more configured (event processors, say) before it starts. */
    public DomainHarness(Consumer<Configurer> more) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
        StubDeadlineManager deadlines = new StubDeadlineManager();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InOrderInMemoryEventStorageEngine())
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureCorrelationDataProviders(c -> List.of(new SimpleCorrelationDataProvider(
                        ActorMetadata.KEYS.toArray(String[]::new))))
                .configureAggregate(Campaign.class)
                .configureAggregate(AwardProposal.class)
                .configureAggregate(PlanRegistration.class)
                .registerComponent(DeadlineManager.class, c -> deadlines)
                .registerComponent(PlanRegister.class,
                        c -> new RepositoryPlanRegister(() -> c.repository(PlanRegistration.class)))
                .registerComponent(CampaignDesk.class,
                        c -> new RepositoryCampaignDesk(() -> c.repository(Campaign.class)));
        configurer.onInitialize(c -> c.onStart(() -> c.eventBus()
                .registerDispatchInterceptor(DomainClock.asOfTimestamps())));
        more.accept(configurer);
        configuration = configurer.buildConfiguration();
        configuration.start();
    }

    /** Sends a command as if it were handled at 10:00 (Vietnam) on the given date; returns its result. */
    public <R> R on(LocalDate date, Object command) {
        return at(date, () -> configuration.commandGateway().sendAndWait(command));
    }

    public static <R> R at(LocalDate date, Supplier<R> action) {
        Clock previous = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(Plans.at(date), DomainClock.VIETNAM);
        try {
            return action.get();
        } finally {
            GenericEventMessage.clock = previous;
        }
    }

    public Configuration configuration() {
        return configuration;
    }

    public CommandGateway gateway() {
        return configuration.commandGateway();
    }

    public List<Object> events(String aggregateId) {
        return configuration.eventStore().readEvents(aggregateId).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** Every stored event, in the order of the store. */
    public List<EventMessage<?>> allEvents() {
        List<EventMessage<?>> all = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = configuration.eventStore().openStream(null)) {
            while (stream.hasNextAvailable()) {
                all.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return all;
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}

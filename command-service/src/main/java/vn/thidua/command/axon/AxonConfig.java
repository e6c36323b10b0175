package vn.thidua.command.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import vn.thidua.domain.campaign.model.Campaign;
import vn.thidua.domain.campaign.model.PlanRegister;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.plan.PlanRegistration;
import vn.thidua.domain.plan.RepositoryPlanRegister;
import vn.thidua.domain.proposal.model.AwardProposal;
import vn.thidua.domain.proposal.model.CampaignDesk;
import vn.thidua.domain.proposal.model.RepositoryCampaignDesk;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon for the write side (serializers come from service-support's AxonJackson): the three aggregates, the campaign
 * desk and plan register the aggregates use, actor metadata copied onto every event, and retries on conflicts.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class AxonConfig {

    @Bean(destroyMethod = "close")
    public AggregateCaching aggregateCaching() {
        return new AggregateCaching();
    }

    /** The three aggregates, each with its cache; campaigns and proposals also with snapshots (AggregateCaching). */
    @Bean
    public ConfigurerModule aggregates(AggregateCaching caching) {
        Cache campaigns = caching.cache("campaigns", 2_000);
        Cache proposals = caching.cache("proposals", 50_000);
        Cache plans = caching.cache("plan-registrations", 2_000);
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Campaign.class)
                        .configureCache(c -> campaigns)
                        .configureSnapshotTrigger(c -> AggregateCaching.snapshotTrigger(c.snapshotter()))
                        .configureSnapshotFilter(c -> AggregateCaching.currentRevision(Campaign.class)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AwardProposal.class)
                        .configureCache(c -> proposals)
                        .configureSnapshotTrigger(c -> AggregateCaching.snapshotTrigger(c.snapshotter()))
                        .configureSnapshotFilter(c -> AggregateCaching.currentRevision(AwardProposal.class)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(PlanRegistration.class)
                        .configureCache(c -> plans));
    }

    /** How the snapshotter makes a blank campaign to apply a snapshot's events to (it finds factories as beans). */
    @Bean
    public AggregateFactory<Campaign> campaignFactory(ParameterResolverFactory parameters,
                                                      HandlerDefinition handlers) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(Campaign.class,
                parameters, handlers));
    }

    @Bean
    public AggregateFactory<AwardProposal> awardProposalFactory(ParameterResolverFactory parameters,
                                                                HandlerDefinition handlers) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(AwardProposal.class,
                parameters, handlers));
    }

    /** Snapshots are taken after the command's commit, on a thread of their own: no command waits for one. */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    public ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(daemonThreads("snapshots-"));
    }

    @Bean
    public CampaignDesk campaignDesk(@Lazy Configuration axon) {
        return new RepositoryCampaignDesk(() -> axon.repository(Campaign.class));
    }

    @Bean
    public PlanRegister planRegister(@Lazy Configuration axon) {
        return new RepositoryPlanRegister(() -> axon.repository(PlanRegistration.class));
    }

    /**
     * The embedded event store (JPA on an H2 file), committing events in the order of their positions (see
     * {@link CommitOrderedJpaEventStorageEngine}). Behind Axon Server ({@code axon.axonserver.enabled}) Axon's own
     * storage is used.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager) {
        return new CommitOrderedJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(AggregateCaching.currentRevision(Campaign.class)
                        .combine(AggregateCaching.currentRevision(AwardProposal.class)))
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager));
    }

    /** Stored events keep who acted and the request they belong to. */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.KEYS.toArray(String[]::new));
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(daemonThreads("command-retry-"));
    }

    /** Background threads that never keep the JVM alive (Spring's own factory, named for thread dumps). */
    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, EventBus eventBus,
                                         ScheduledExecutorService commandRetryExecutor) {
        commandBus.registerHandlerInterceptor(new RefusalTranslator());
        commandBus.registerHandlerInterceptor(CommandVersions.reporter());
        eventBus.registerDispatchInterceptor(DomainClock.asOfTimestamps());
        eventBus.registerDispatchInterceptor(CommandVersions.recorder());
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(commandRetryExecutor, 5)).build();
    }

    /**
     * Events a deadline causes (overdue reports) are the platform's own acts, not the launching user's: the deadline
     * message carries the system actor, and the deadline's unit of work copies it onto the events, as a command's does.
     */
    @Bean
    public Object systemActorOnDeadlines(DeadlineManager deadlineManager, List<CorrelationDataProvider> providers) {
        deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
        return deadlineManager.registerDispatchInterceptor(messages -> (i, message) ->
                message.andMetaData(ActorMetadata.system()));
    }
}

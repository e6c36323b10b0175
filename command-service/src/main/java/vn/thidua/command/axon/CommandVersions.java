package vn.thidua.command.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.annotation.Nonnull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The version a command answers with is the sequence number its own events got, not whatever the aggregate reached
 * by the time the answer is written (under concurrency another command's events may already follow).
 * <p>
 * Events are numbered when the aggregate applies them; the event bus runs its dispatch interceptors on them when the
 * command's unit of work prepares to commit, after the handler has returned. So the handler interceptor on the command
 * bus hands the unit of work a map, the dispatch interceptor fills it (per aggregate, the highest sequence number this
 * unit of work applied), and the command's result reads it into its metadata ({@code version:<aggregateId>}) only when
 * asked, which is after the commit. The metadata travels back with the result through Axon Server too.
 */
public final class CommandVersions {

    private static final String RESOURCE = CommandVersions.class.getName();
    private static final String PREFIX = "version:";

    private CommandVersions() {
    }

    /** On the event bus: remembers the sequence number of every domain event applied in the current unit of work. */
    public static MessageDispatchInterceptor<EventMessage<?>> recorder() {
        return new MessageDispatchInterceptor<>() {
            @Nonnull
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    @Nonnull List<? extends EventMessage<?>> messages) {
                return (index, message) -> {
                    if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
                        Map<String, Long> versions = CurrentUnitOfWork.get().root().getResource(RESOURCE);
                        if (versions != null) {
                            versions.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
                        }
                    }
                    return message;
                };
            }
        };
    }

    /** On the command bus: the command's result carries the versions its events reached. */
    public static MessageHandlerInterceptor<CommandMessage<?>> reporter() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                                 @Nonnull InterceptorChain chain) throws Exception {
                Map<String, Long> versions = unitOfWork.root()
                        .getOrComputeResource(RESOURCE, key -> new ConcurrentHashMap<String, Long>());
                Object result = chain.proceed();
                return new Versioned<>(GenericCommandResultMessage.asCommandResultMessage(result), versions);
            }
        };
    }

    /** A command's result whose metadata includes the versions its unit of work recorded, read when asked. */
    static final class Versioned<R> extends GenericCommandResultMessage<R> {

        private final transient Map<String, Long> versions;

        Versioned(CommandResultMessage<R> result, Map<String, Long> versions) {
            super(result);
            this.versions = versions;
        }

        @Override
        public MetaData getMetaData() {
            Map<String, Object> recorded = new HashMap<>();
            versions.forEach((aggregateId, sequence) -> recorded.put(PREFIX + aggregateId, sequence));
            return super.getMetaData().mergedWith(recorded);
        }
    }

    /** The version the command's events gave {@code aggregateId}, if it applied any to it. */
    public static Optional<Long> of(CommandResultMessage<?> result, String aggregateId) {
        Object value = result.getMetaData().get(PREFIX + aggregateId);
        return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }
}

package vn.thidua.domain.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * "Now" for the rules. Axon stamps events with {@link GenericEventMessage#clock}; reading the same clock keeps
 * rule dates and event timestamps in agreement, and lets test fixtures simulate time.
 * Plan dates are Vietnam dates, so "today" is the date in Asia/Ho_Chi_Minh.
 * <p>
 * A command recorded as of a past moment ({@link ActorMetadata#AS_OF}) has that moment as its "now", for its rules
 * and, through {@link #asOfTimestamps()}, for its events' timestamps: nothing global changes, so commands handled
 * at the same time for other users keep the real time.
 */
public final class DomainClock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private DomainClock() {
    }

    public static Instant now() {
        return asOf().orElseGet(GenericEventMessage.clock::instant);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), VIETNAM);
    }

    /** The first instant after the given Vietnam date has ended: when a due date "passes". */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    /** The moment the message being handled is recorded as of, if it says one. */
    private static Optional<Instant> asOf() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Object asOf = CurrentUnitOfWork.get().getMessage().getMetaData().get(ActorMetadata.AS_OF);
        return asOf instanceof String text ? Optional.of(Instant.parse(text)) : Optional.empty();
    }

    /**
     * For the event bus: events published while a command recorded as of a past moment is handled get that moment as
     * their timestamp (the message is otherwise the same: identifier, payload, metadata, sequence).
     */
    public static MessageDispatchInterceptor<EventMessage<?>> asOfTimestamps() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
                return (index, event) -> asOf().<EventMessage<?>>map(at -> stamped(event, at)).orElse(event);
            }
        };
    }

    private static EventMessage<?> stamped(EventMessage<?> event, Instant at) {
        if (event instanceof DomainEventMessage<?> domain) {
            return new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain.getPayload(), domain.getMetaData(), domain.getIdentifier(), at);
        }
        return new GenericEventMessage<>(event.getIdentifier(), event.getPayload(), event.getMetaData(), at);
    }
}

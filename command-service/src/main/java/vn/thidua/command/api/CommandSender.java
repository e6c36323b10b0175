package vn.thidua.command.api;

import vn.thidua.service.web.CorrelationIdFilter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.service.security.Actor;

import java.util.UUID;

/**
 * Sends a command for the authenticated actor: actor id, role and unit and the request's correlation id go into the
 * command's metadata (never from the request body), and from there onto every event it causes.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final EventStore eventStore;

    public CommandSender(CommandGateway gateway, EventStore eventStore) {
        this.gateway = gateway;
        this.eventStore = eventStore;
    }

    /** Sends and waits; returns the aggregate's version (last sequence number) after the command. */
    public long send(Object command, String aggregateId) {
        Actor actor = Actor.current();
        MetaData metaData = MetaData.with(ActorMetadata.ACTOR_ID, actor.id())
                .and(ActorMetadata.ACTOR_ROLE, actor.role().name())
                .and(ActorMetadata.ACTOR_UNIT, actor.unitId() == null ? "" : actor.unitId())
                .and(ActorMetadata.CORRELATION_ID, correlationId());
        gateway.sendAndWait(command, metaData);
        return eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
    }

    private static String correlationId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object id = request == null ? null
                : request.getAttribute(CorrelationIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}

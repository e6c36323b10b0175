package vn.thidua.command.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.thidua.command.axon.CommandVersions;
import vn.thidua.command.durability.DurableCommits;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.service.security.Actor;
import vn.thidua.service.web.CorrelationIdFilter;

import javax.sql.DataSource;

/**
 * Sends a command for the authenticated actor: actor id, role and unit and the request's correlation ids go into the
 * command's metadata (never from the request body), and from there onto every event it causes. Answers only once
 * what the command stored is durable (see {@link DurableCommits}).
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final DurableCommits durableCommits;

    public CommandSender(CommandGateway gateway, EventStore eventStore, ObjectProvider<DataSource> dataSource,
                         @Value("${thidua.durability.fsync:true}") boolean fsync) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        DataSource embedded = dataSource.getIfAvailable();
        this.durableCommits = fsync && embedded != null ? new DurableCommits(embedded) : null;
    }

    /** Sends and waits; returns the version (sequence number) the command's own events gave the aggregate. */
    public long send(Object command, String aggregateId) {
        Actor actor = Actor.current();
        MetaData metaData = ActorMetadata.of(actor.id(), actor.role(), actor.unitId(),
                CorrelationIdFilter.currentId(), CorrelationIdFilter.currentClientId());
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        gateway.send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new CommandExecutionException("Command failed", failure);
        }
        if (durableCommits != null) {
            durableCommits.awaitDurable();
        }
        // a command that applied no event to the aggregate answers the version it left it at
        return CommandVersions.of(result, aggregateId)
                .orElseGet(() -> eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L));
    }
}

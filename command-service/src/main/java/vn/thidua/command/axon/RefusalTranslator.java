package vn.thidua.command.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.DomainRuleException;

import javax.annotation.Nonnull;

/**
 * Turns a refusal thrown by a command handler into a {@link CommandExecutionException} whose details name the
 * refusal, so the HTTP layer answers the same whether the handler ran here or behind Axon Server.
 */
public class RefusalTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (DomainRuleException e) {
            throw new CommandExecutionException(e.getMessage(), e, RefusalDetails.of(e.refusal(), e.field()));
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException(Refusal.RECORD_NOT_FOUND.message(e.getAggregateIdentifier()), e,
                    RefusalDetails.of(Refusal.RECORD_NOT_FOUND, null));
        }
    }
}

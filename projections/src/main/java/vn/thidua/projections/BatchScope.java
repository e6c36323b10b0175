package vn.thidua.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One {@link Batch} per batch of events an event processor hands over, flushed after the batch's last event.
 * <p>
 * The flush happens inside the handling of that last event, so it is done before the processor stores its tracking
 * token (which it does when the batch's unit of work commits; the processors are configured without a transaction
 * manager for this). After a crash at any instant the token therefore never runs ahead of the read models: at worst
 * the batch is delivered again, and the handlers skip what they had applied.
 */
public final class BatchScope<B extends Batch> implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String resourceKey;
    private final Supplier<B> newBatch;

    public BatchScope(String name, Supplier<B> newBatch) {
        this.resourceKey = BatchScope.class.getName() + "/" + name;
        this.newBatch = newBatch;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        B batch = unitOfWork.root().getOrComputeResource(resourceKey, key -> {
            B opened = newBatch.get();
            opened.prepare(payloads(unitOfWork));
            return opened;
        });
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            batch.flush();
        }
        return result;
    }

    /**
     * The payloads of the batch's events; those that cannot be read are left out here (their handling reports them,
     * event by event, as it would without this).
     */
    private static List<Object> payloads(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        List<Object> payloads = new ArrayList<>();
        List<? extends EventMessage<?>> messages = unitOfWork.root() instanceof BatchingUnitOfWork<?> batching
                ? ((BatchingUnitOfWork<? extends EventMessage<?>>) batching).getMessages()
                : List.of(unitOfWork.getMessage());
        for (EventMessage<?> message : messages) {
            try {
                payloads.add(message.getPayload());
            } catch (RuntimeException unreadable) {
                // left to the event's own handling
            }
        }
        return payloads;
    }

    /** The batch of the event being handled. */
    public B current() {
        B batch = CurrentUnitOfWork.get().root().getResource(resourceKey);
        if (batch == null) {
            throw new IllegalStateException("No batch open: the processor lacks the " + resourceKey + " interceptor");
        }
        return batch;
    }
}

package vn.thidua.command.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Axon's JPA storage engine, appending so that events become visible in the order of their global positions.
 * <p>
 * The database numbers events when they are inserted, before their transaction commits; two concurrent commands can
 * therefore commit position 22 before position 21. A streaming processor that has read 22 then receives 21 as a "gap
 * filled", and the tracking token of that event reports the highest position seen (22 or more), not 21: a projection
 * keyed by position would take the late event for another (in the audit trail, for a duplicate of another entry, and
 * lose it). Here one transaction at a time may number events: the permit is taken before the insert and given back
 * when that transaction completes, so positions are committed in ascending order. Gaps remain only where a
 * transaction rolled back or a restart skipped numbers, and those are never filled later.
 * <p>
 * The embedded event store lives in one process (an H2 file has one owner), so a lock in the process is the lock of
 * the store. Behind Axon Server, positions are assigned at commit and this class is not used.
 */
public class CommitOrderedJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String HELD = CommitOrderedJpaEventStorageEngine.class.getName() + ".held";

    private final Semaphore numbering = new Semaphore(1, true);

    public CommitOrderedJpaEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // no surrounding transaction: the append commits by itself, inside the permit
            numbering.acquireUninterruptibly();
            try {
                super.appendEvents(events, serializer);
            } finally {
                numbering.release();
            }
            return;
        }
        if (!TransactionSynchronizationManager.hasResource(HELD)) {
            numbering.acquireUninterruptibly();
            TransactionSynchronizationManager.bindResource(HELD, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
                    numbering.release();
                }
            });
        }
        super.appendEvents(events, serializer);
    }
}

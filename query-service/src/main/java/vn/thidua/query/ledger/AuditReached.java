package vn.thidua.query.ledger;

import vn.thidua.projections.ReadModels;
import vn.thidua.query.health.EventProcessingHealth;

import java.util.function.LongSupplier;

/** The position up to which the audit processor has written every entry (-1 before its first). */
public final class AuditReached implements LongSupplier {

    private final EventProcessingHealth processors;

    public AuditReached(EventProcessingHealth processors) {
        this.processors = processors;
    }

    @Override
    public long getAsLong() {
        return processors.state(ReadModels.AUDIT_GROUP, processors.head())
                .map(EventProcessingHealth.ProcessorState::position).orElse(-1L);
    }
}

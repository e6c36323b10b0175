package vn.thidua.projections.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import vn.thidua.projections.Batch;
import vn.thidua.projections.BatchScope;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.Fact;
import vn.thidua.projections.Projections;
import vn.thidua.projections.ReadModels;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code audit}: one {@link AuditEntry} per stored event, keyed by its global position (so a redelivered event
 * finds its entry already there, with the same bytes).
 */
@ProcessingGroup(ReadModels.AUDIT_GROUP)
public class AuditProjection {

    private final MongoDatabase database;
    private final MongoCollection<Document> audit;
    private final DocumentMapper mapper;
    private final BatchScope<Entries> batches;

    public AuditProjection(MongoDatabase database, DocumentMapper mapper) {
        this.database = database;
        this.audit = database.getCollection(ReadModels.AUDIT);
        this.mapper = mapper;
        this.batches = new BatchScope<>(ReadModels.AUDIT_GROUP, Entries::new);
    }

    public BatchScope<?> batchScope() {
        return batches;
    }

    /**
     * A data folder from before the audit index, or from an index of another layout (another bucket size, or before
     * its {@code all} and day keys), holds entries but no usable index: the audit is then rebuilt, entries and index
     * together, from the first event (its collections emptied and its token removed, so that the processor starts
     * from the beginning). An empty audit records the current layout. Called before the processors start.
     */
    public boolean rebuildIfUnindexed() {
        if (audit.estimatedDocumentCount() == 0) {
            AuditIndex.recordLayout(database);
            return false;
        }
        if (AuditIndex.hasCurrentLayout(database)) {
            return false;
        }
        reset();
        Projections.forgetTokens(database, ReadModels.AUDIT_GROUP);
        return true;
    }

    @ResetHandler
    public void reset() {
        Projections.recreate(database, ReadModels.AUDIT);
        Projections.recreate(database, ReadModels.AUDIT_INDEX);
        AuditIndex.recordLayout(database);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        batches.current().add(AuditEntry.of(message, Fact.of(message), mapper.toDocument(payload)));
    }

    /**
     * The entries of one batch, written with one unordered bulk insert (each entry stands alone). An entry is a pure
     * function of its event, so an entry already present (its batch was delivered again after a crash) is left as it
     * is: it has the same bytes. Inserting rather than upserting spares the server a lookup per entry.
     */
    final class Entries implements Batch {

        private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
        private final List<Document> entries = new ArrayList<>();
        private final AuditIndex index = new AuditIndex();

        void add(AuditEntry entry) {
            entries.add(entry.toDocument());
            index.add(entry);
        }

        @Override
        public void flush() {
            if (entries.isEmpty()) {
                return;
            }
            try {
                audit.insertMany(entries, UNORDERED);
            } catch (MongoBulkWriteException e) {
                boolean onlyPresent = e.getWriteConcernError() == null && e.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!onlyPresent) {
                    throw e;
                }
            }
            entries.clear();
            index.flush(database); // after the entries: an index never names an entry not yet written
        }
    }
}

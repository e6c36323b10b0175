package vn.thidua.projections;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The documents one batch of events reads and changes, kept in memory: each is read from MongoDB at most once per
 * batch, changed by the handlers, and those changed are written back with one ordered bulk write per collection.
 * Collections are written in the order they were declared.
 */
public class DocumentBatch implements Batch {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final String name;
    private final MongoDatabase database;
    private final DocumentMapper mapper;
    private final Map<String, Table<?>> tables = new LinkedHashMap<>();

    public DocumentBatch(String name, MongoDatabase database, DocumentMapper mapper,
                         List<String> collectionsInWriteOrder) {
        this.name = name;
        this.database = database;
        this.mapper = mapper;
        for (String collection : collectionsInWriteOrder) {
            tables.put(collection, new Table<>(database.getCollection(collection)));
        }
    }

    /** The document, or null if there is none. */
    public <T extends View> T find(String collection, String id, Class<T> type) {
        Table<T> table = table(collection);
        if (!table.loaded.containsKey(id)) {
            Document found = table.collection.find(Filters.eq(View.ID, id)).first();
            T view = found == null ? null : mapper.fromDocument(found, type);
            table.loaded.put(id, view);
            if (view != null) {
                table.positionAtLoad.put(id, view.position);
            }
        }
        return table.loaded.get(id);
    }

    /** The document, created by {@code create} (its id set) if there is none. */
    public <T extends View> T findOrCreate(String collection, String id, Class<T> type, Supplier<T> create) {
        T view = find(collection, id, type);
        if (view == null) {
            view = create.get();
            view.id = id;
            Table<T> table = table(collection);
            table.loaded.put(id, view);
            table.positionAtLoad.put(id, view.position);
        }
        return view;
    }

    /**
     * Writes the documents an event changed (a handler changes a document only when it {@link View#accepts} an event,
     * which advances its position), collection by collection, then raises the processor's mark in
     * {@value ReadModels#PROGRESS} to the highest position of the documents this batch holds: once a reader sees the
     * mark at a position, every document of that batch is written (what read-your-writes waits for).
     */
    @Override
    public void flush() {
        long highest = -1;
        for (Table<?> table : tables.values()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            table.loaded.forEach((id, view) -> {
                if (view != null && view.position > table.positionAtLoad.get(id)) {
                    writes.add(new ReplaceOneModel<>(Filters.eq(View.ID, id), mapper.toDocument(view), UPSERT));
                }
            });
            if (!writes.isEmpty()) {
                table.collection.bulkWrite(writes, ORDERED);
            }
            for (View view : table.loaded.values()) {
                if (view != null) {
                    highest = Math.max(highest, view.position);
                }
            }
            table.loaded.clear();
            table.positionAtLoad.clear();
        }
        if (highest >= 0) {
            database.getCollection(ReadModels.PROGRESS).updateOne(Filters.eq(View.ID, name),
                    Updates.max(View.POSITION, highest), new UpdateOptions().upsert(true));
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends View> Table<T> table(String collection) {
        Table<T> table = (Table<T>) tables.get(collection);
        if (table == null) {
            throw new IllegalArgumentException("Collection " + collection + " is not part of this batch");
        }
        return table;
    }

    private static final class Table<T extends View> {
        final MongoCollection<Document> collection;
        /** Documents read (or created) in this batch, null where none exists, in the order first asked for. */
        final Map<String, T> loaded = new LinkedHashMap<>();
        final Map<String, Long> positionAtLoad = new HashMap<>();

        Table(MongoCollection<Document> collection) {
            this.collection = collection;
        }
    }
}

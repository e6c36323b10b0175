package vn.thidua.projections;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The documents one batch of events reads and changes, kept in memory: each is read from MongoDB at most once per
 * batch, changed by the handlers, and those changed are written back with one ordered bulk write per collection,
 * then their entries in the {@link KeyIndex}. Collections are written in the order they were declared.
 * <p>
 * A batch {@link #inMemory} starts from no document, reads nothing and writes nothing: folding a campaign's events
 * through it gives the documents the live read models held after them ({@link AsOf}).
 */
public class DocumentBatch implements Batch {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions MARK_UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int PREFETCH_CHUNK = 500;

    private final String name;
    private final MongoDatabase database;
    private final DocumentMapper mapper;
    private final Map<String, Table<?>> tables = new LinkedHashMap<>();
    private final Map<String, Long> marks = new TreeMap<>();
    private final ProgressSignal signal;

    public DocumentBatch(String name, MongoDatabase database, DocumentMapper mapper,
                         List<Projector<?>> readModelsInWriteOrder) {
        this(name, database, mapper, readModelsInWriteOrder, new ProgressSignal());
    }

    public DocumentBatch(String name, MongoDatabase database, DocumentMapper mapper,
                         List<Projector<?>> readModelsInWriteOrder, ProgressSignal signal) {
        this.name = name;
        this.signal = signal;
        this.database = database;
        this.mapper = mapper;
        for (Projector<?> readModel : readModelsInWriteOrder) {
            tables.put(readModel.collection(), new Table<>(
                    database == null ? null : database.getCollection(readModel.collection()), readModel));
        }
    }

    /** A batch that starts from no document and is never written: see {@link AsOf}. */
    public static DocumentBatch inMemory(DocumentMapper mapper, List<Projector<?>> readModels) {
        return new DocumentBatch("in-memory", null, mapper, readModels, new ProgressSignal());
    }

    /** The document of {@code collection} this batch holds (created or read), or null. */
    @SuppressWarnings("unchecked")
    public <T extends View> T held(String collection, String id) {
        return (T) table(collection).loaded.get(id);
    }

    /**
     * Reads, with one query per collection, every document the batch's events name by themselves ({@link
     * Projector#documentId}), so that handling a thousand events does not ask MongoDB for their documents one round
     * trip at a time (the rebuild's processor threads spent most of their time waiting on those). Documents found
     * through other documents are still read when asked for. A payload whose id cannot be computed is skipped here;
     * its handling meets the same failure and reports it for that event alone.
     */
    @Override
    public void prepare(List<Object> payloads) {
        if (database == null) {
            return;
        }
        for (Table<?> table : tables.values()) {
            table.prefetch(payloads, mapper);
        }
    }

    /** The document, or null if there is none. */
    public <T extends View> T find(String collection, String id, Class<T> type) {
        Table<T> table = table(collection);
        if (!table.loaded.containsKey(id)) {
            Document found = table.collection == null ? null : table.collection.find(Filters.eq(View.ID, id)).first();
            T view = found == null ? null : mapper.fromDocument(found, type);
            table.loaded.put(id, view);
            if (view != null) {
                table.loadedAs(id, view);
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
            table.created(id, view);
        }
        return view;
    }

    /** Notes that the batch holds the event at {@code position} of {@code sequence} (its campaign). */
    public void reached(String sequence, long position) {
        marks.merge(sequence, position, Math::max);
    }

    /**
     * Writes the documents an event changed (a handler changes a document only when it {@link View#accepts} an event,
     * which advances its position), collection by collection, then raises the mark in {@value ReadModels#PROGRESS}
     * of each sequence the batch {@link #reached}: once a reader sees a campaign's mark at a position, every document
     * of that campaign the batch changed is written (what read-your-writes waits for). Marks are per sequence because
     * segments of the processor write their batches side by side, each its own sequences.
     */
    @Override
    public void flush() {
        if (database == null) {
            throw new IllegalStateException("an in-memory batch is never written");
        }
        // documents first (each with the index entries it is about to lose), then the index, then the marks cleared:
        // a crash anywhere in between leaves the marks, from which the redelivery finishes the index (View)
        KeyIndex index = new KeyIndex();
        for (Table<?> table : tables.values()) {
            table.indexChanges(index);
        }
        for (Table<?> table : tables.values()) {
            List<WriteModel<Document>> writes = table.writes(mapper);
            if (!writes.isEmpty()) {
                table.collection.bulkWrite(writes, ORDERED);
            }
        }
        index.flush(database);
        for (Table<?> table : tables.values()) {
            table.clearPending();
            table.clear();
        }
        if (!marks.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            marks.forEach((sequence, position) -> writes.add(new UpdateOneModel<>(
                    Filters.eq(View.ID, ReadModels.progressMark(name, sequence)), Updates.max(View.POSITION, position),
                    MARK_UPSERT)));
            database.getCollection(ReadModels.PROGRESS).bulkWrite(writes, ORDERED);
            marks.clear();
            signal.raised();
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
        final Projector<T> readModel;
        /** Documents read (or created) in this batch, null where none exists, in the order first asked for. */
        final Map<String, T> loaded = new LinkedHashMap<>();
        final Map<String, Long> positionAtLoad = new HashMap<>();
        final Map<String, Map<String, String>> entriesAtLoad = new HashMap<>();
        /** Documents read with an index change a stopped batch left unfinished ({@link View#indexPending}). */
        final Map<String, List<View.IndexEntry>> pendingAtLoad = new HashMap<>();
        /** Documents whose mark is to be cleared once the index is written. */
        final List<String> marked = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Table(MongoCollection<Document> collection, Projector<?> readModel) {
            this.collection = collection;
            this.readModel = (Projector<T>) readModel;
        }

        void prefetch(List<Object> payloads, DocumentMapper mapper) {
            Set<String> ids = new LinkedHashSet<>();
            for (Object payload : payloads) {
                try {
                    String id = readModel.documentId(payload);
                    if (id != null && !loaded.containsKey(id)) {
                        ids.add(id);
                    }
                } catch (RuntimeException malformed) {
                    // left to the event's own handling
                }
            }
            List<String> pending = new ArrayList<>(ids);
            for (int from = 0; from < pending.size(); from += PREFETCH_CHUNK) {
                List<String> chunk = pending.subList(from, Math.min(pending.size(), from + PREFETCH_CHUNK));
                Map<String, T> found = new HashMap<>();
                for (Document document : collection.find(Filters.in(View.ID, chunk))) {
                    T view = mapper.fromDocument(document, readModel.type());
                    found.put(view.id, view);
                }
                for (String id : chunk) {
                    T view = found.get(id);
                    loaded.put(id, view);
                    if (view != null) {
                        loadedAs(id, view);
                    }
                }
            }
        }

        void loadedAs(String id, T view) {
            positionAtLoad.put(id, view.position);
            entriesAtLoad.put(id, readModel.indexEntries(view));
            if (view.indexPending != null) {
                pendingAtLoad.put(id, view.indexPending);
            }
        }

        void created(String id, T view) {
            positionAtLoad.put(id, view.position);
            entriesAtLoad.put(id, Map.of());
        }

        boolean changed(String id, T view) {
            return view != null && view.position > positionAtLoad.get(id);
        }

        List<WriteModel<Document>> writes(DocumentMapper mapper) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            loaded.forEach((id, view) -> {
                if (changed(id, view)) {
                    writes.add(new ReplaceOneModel<>(Filters.eq(View.ID, id), mapper.toDocument(view), UPSERT));
                }
            });
            return writes;
        }

        /**
         * The index changes of the documents this batch changed, and of those read with an unfinished change: the
         * entries they no longer have are taken out (with those an unfinished change was to take out), their entries
         * listed (all of them after an unfinished change, whose additions may be lost). A changed document is written
         * with what is taken out, as its mark.
         */
        void indexChanges(KeyIndex index) {
            String name = collection.getNamespace().getCollectionName();
            loaded.forEach((id, view) -> {
                List<View.IndexEntry> pending = pendingAtLoad.get(id);
                boolean changed = changed(id, view);
                if (view == null || !changed && pending == null) {
                    return;
                }
                Map<String, String> before = entriesAtLoad.get(id);
                Map<String, String> after = readModel.indexEntries(view);
                List<View.IndexEntry> out = new ArrayList<>();
                before.forEach((key, entry) -> {
                    if (!entry.equals(after.get(key))) {
                        out.add(new View.IndexEntry(key, entry));
                    }
                });
                if (pending != null) {
                    pending.stream().filter(p -> !p.entry().equals(after.get(p.key())) && !out.contains(p))
                            .forEach(out::add);
                }
                boolean adds = false;
                for (Map.Entry<String, String> entry : after.entrySet()) {
                    if (pending != null || !entry.getValue().equals(before.get(entry.getKey()))) {
                        index.add(name, entry.getKey(), entry.getValue(), id);
                        adds = true;
                    }
                }
                out.forEach(e -> index.remove(name, e.key(), e.entry(), id));
                if (changed && (adds || !out.isEmpty())) {
                    view.indexPending = out;
                    marked.add(id);
                } else if (pending != null) {
                    marked.add(id);
                }
            });
        }

        /** Clears the marks of the documents whose index change is now written. */
        void clearPending() {
            if (marked.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> clears = new ArrayList<>(marked.size());
            for (String id : marked) {
                clears.add(new UpdateOneModel<>(Filters.eq(View.ID, id), Updates.unset(View.INDEX_PENDING)));
            }
            collection.bulkWrite(clears, UNORDERED);
        }

        void clear() {
            marked.clear();
            pendingAtLoad.clear();
            loaded.clear();
            positionAtLoad.clear();
            entriesAtLoad.clear();
        }
    }
}

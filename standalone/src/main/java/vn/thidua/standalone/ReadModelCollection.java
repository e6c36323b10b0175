package vn.thidua.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Iterator;

/**
 * A collection of the embedded read-model store: mongo-java-server's H2 collection, with two differences.
 * <p>
 * <b>Updates work on a copy</b>, which then replaces the stored document. mongo-java-server updates a document in
 * place (its fields are removed and put on the very object the H2 map holds) and then puts that object back. With
 * {@link CommandAtomicH2Backend}, a commit fixes a version between commands and H2's serialization thread writes that
 * version's pages later, while commands go on: a document changed in place meanwhile was written with its later
 * content, inside a version that did not yet hold the documents written before that change. After a {@code kill -9},
 * the file then held a tracking token newer than the read models it covers (seen: participants of a batch missing
 * after the restart, for good, while the token, the key index and the campaign of the same batch were there;
 * reproduced by {@code StoreKillTest} at the first or third kill, and 25 kills without a loss with the copy). Only
 * updates copy, and only the top level: an update removes and puts top-level fields of the document it is given,
 * with values of a new document it built from deep copies (mongo-java-server's {@code calculateUpdateDocument}), and
 * changes nothing nested in place. Finds still read the stored objects, which no one changes any more.
 * <p>
 * <b>The collection's data size is counted when asked</b> ({@code collStats}, {@code validate}), not kept up to date
 * at every write: keeping it encoded every inserted, updated and removed document once more (7.8% of the store's
 * threads in a profile of the 30,000-event benchmark) for a figure nothing in the platform reads.
 */
final class ReadModelCollection extends H2Collection {

    private final boolean opened;

    /** True while this collection updates (its methods are synchronized on it: one update or query at a time). */
    private boolean updating;

    ReadModelCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                             MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                             CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        opened = true;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected synchronized int getDataSize() {
        if (!opened) {
            return super.getDataSize(); // the stock constructor logs it: not a count of the whole collection at open
        }
        long bytes = 0;
        for (Document document : queryDocuments(new Document(), null, 0, 0, 0, null)) {
            bytes += BsonDocumentType.size(document);
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        QueryResult found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!updating) {
            return found;
        }
        // copied one at a time, as the update asks for them (a single update stops at the first)
        return new QueryResult(() -> new Iterator<>() {
            private final Iterator<Document> documents = found.iterator();

            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public Document next() {
                return documents.next().clone(); // a new map of the same values
            }
        }, found.getCursorId());
    }
}

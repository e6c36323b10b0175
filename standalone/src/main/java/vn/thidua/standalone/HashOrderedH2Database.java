package vn.thidua.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A database of the embedded read-model store whose unique indexes (every {@code _id} lookup of every read model,
 * token and index document) compare their keys by hash, not by their Java serialization.
 * <p>
 * The stock H2 backend keeps each unique index in an MVMap keyed by mongo-java-server's {@link KeyValue}, which is not
 * {@link Comparable}; H2's {@link ObjectDataType} then orders such keys by their serialized bytes, and serializes
 * <em>both</em> keys through an {@code ObjectOutputStream} at every comparison of every B-tree search. The profile of a
 * full rebuild (JFR, 30k events) had 47% of all CPU in those comparisons, under {@code H2UniqueIndex.getPosition},
 * {@code putKeyPosition} and {@code containsKey}.
 * <p>
 * Here the same keys, written in the same bytes (the write and read of {@link ObjectDataType} are kept), are ordered
 * by {@link KeyValue#hashCode()} first and, only for different keys of equal hash, by their bytes as before; equal keys
 * compare equal without any serialization. The order of an index is used for lookups only (no range is read through
 * it), so any total order consistent with equality serves. An index map written in the old order is moved, once, at
 * open, into a map of its own name ({@value #HASH_ORDERED} appended), since a B-tree cannot be searched in an order it
 * was not built in.
 */
class HashOrderedH2Database extends H2Database {

    static final String HASH_ORDERED = ".hash-ordered";

    private final MVStore store;

    HashOrderedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        // runs from the super constructor too (opening existing indexes), before this.store is set: use the argument
        MVStore mvStore = storeOf(this);
        String byteOrdered = mapName(collectionName, indexName);
        MVMap<KeyValue, Object> map = mvStore.openMap(byteOrdered + HASH_ORDERED,
                new MVMap.Builder<KeyValue, Object>().keyType(new HashOrderedKeys()));
        if (mvStore.hasMap(byteOrdered)) {
            MVMap<KeyValue, Object> old = mvStore.openMap(byteOrdered);
            for (Map.Entry<KeyValue, Object> entry : old.entrySet()) {
                map.put(entry.getKey(), entry.getValue());
            }
            mvStore.removeMap(old);
        }
        return new UniqueIndex(map, indexName, keys, sparse);
    }

    /**
     * The stock collection (the same maps, by the same names) whose updates work on copies (see {@link
     * ReadModelCollection}) and whose documents are kept as BSON (see {@link BsonDocumentType}).
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = storeOf(this);
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = mvStore.openMap("databases." + fullName,
                new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        MVMap<String, Object> metaMap = mvStore.openMap("meta." + fullName);
        return new ReadModelCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        storeOf(this).removeMap(mapName(collection.getCollectionName(), indexName) + HASH_ORDERED);
    }

    private String mapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private static MVStore storeOf(HashOrderedH2Database database) {
        return database.store != null ? database.store : OPENING.get();
    }

    /** Opens a database (its existing indexes are opened by the super constructor, hence the thread-local). */
    static HashOrderedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        OPENING.set(store);
        try {
            return new HashOrderedH2Database(databaseName, store, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    /**
     * {@link ObjectDataType} ordering {@link KeyValue}s by hash, then by bytes; and writing a key of plain values
     * (strings, numbers, booleans: every {@code _id} of the read models) as a tag ({@value #PLAIN_KEY}, which {@link
     * ObjectDataType} never writes: its tags end at 119), the count and each value as {@link ObjectDataType} writes it,
     * where {@link ObjectDataType} would write the {@link KeyValue} through Java serialization (class descriptors and
     * all: 6% of the store's threads in a profile of the 30,000-event benchmark, writing and reading index pages). Keys
     * written the old way are read as before.
     */
    static final class HashOrderedKeys extends ObjectDataType {

        static final byte PLAIN_KEY = 126;

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue && b instanceof KeyValue) {
                if (a.equals(b)) {
                    return 0;
                }
                int byHash = Integer.compare(a.hashCode(), b.hashCode());
                if (byHash != 0) {
                    return byHash;
                }
            }
            return super.compare(a, b);
        }

        @Override
        public void write(WriteBuffer buff, Object obj) {
            if (obj instanceof KeyValue key && key.stream().allMatch(HashOrderedKeys::plain)) {
                buff.put(PLAIN_KEY).putVarInt(key.size());
                for (Object value : key) {
                    super.write(buff, value);
                }
            } else {
                super.write(buff, obj);
            }
        }

        @Override
        public Object read(ByteBuffer buff) {
            if (buff.get(buff.position()) != PLAIN_KEY) {
                return super.read(buff);
            }
            buff.get();
            int size = DataUtils.readVarInt(buff);
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(super.read(buff));
            }
            return new KeyValue(values);
        }

        /** A value {@link ObjectDataType} writes by itself and reads back as the same class (so equal, same hash). */
        private static boolean plain(Object value) {
            return value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean;
        }
    }

    /** The stock H2 unique index, over a map of this database's choosing (the stock one's constructor is not open). */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}

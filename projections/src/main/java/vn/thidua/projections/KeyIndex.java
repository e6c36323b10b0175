package vn.thidua.projections;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@value ReadModels#KEY_INDEX}: for each key a read model declares for its documents ({@link Projector#indexKeys},
 * such as "the proposals of campaign c-1 in status AWARDED" or "the awards whose nominee contains the letters ngu"),
 * the documents that have it, so that a filtered query reads only those, through unique {@code _id} lookups: the one
 * kind of index every store honours (mongo-java-server keeps no other). A MongoDB server uses its own secondary
 * indexes instead; this one is kept in both, so that either may answer.
 * <p>
 * A key's documents are listed as <em>entries</em>, {@code <order>\u0000<id>}, where the order
 * ({@link Projector#indexOrder}) sorts as the API lists the documents, so that a page is a slice of the sorted
 * entries. They are spread over {@value #BUCKETS} bucket documents ({@code <collection>|<key>#<bucket>}, the bucket a
 * hash of the document's id) so that no bucket grows with the whole collection.
 * <p>
 * Written <em>after</em> the documents of a batch, with {@code $pull} and {@code $addToSet}; each document is written
 * with the entries the index is about to lose for it ({@link View#indexPending}), cleared once the index is written.
 * A crash between the writes leaves that mark on the document, and the redelivery, which reads the document again,
 * finishes the change from it: the index then holds what the documents say, however the redelivered events are
 * grouped into batches. (Written before the documents, as it was, the index kept a stale entry whenever the
 * redelivered batch went further than the lost one: it computed its changes from the documents as they were.)
 */
public final class KeyIndex {

    static final int BUCKETS = 64;
    /** Separates an entry's order from its id; the lowest character, so that a shorter order sorts first. */
    private static final char SEPARATOR = '\u0000';
    private static final String ENTRIES = "entries";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final Map<String, Set<String>> removed = new TreeMap<>();
    private final Map<String, Set<String>> added = new TreeMap<>();

    /**
     * The layout this class writes, recorded in the index (a document {@value #LAYOUT_ID}) when it is built: 2 since
     * the text keys ({@link #textKey}), 3 since the dashboards' keys and covered values
     * ({@link Projector#coveredValues}) and the figures they summarise, 4 since those figures are written by position
     * ({@link vn.thidua.projections.campaigns.CampaignFigures}). A data folder whose index has another layout is rebuilt at start
     * ({@code ReadModelProjection#rebuildIfIndexOutdated}).
     */
    static final int LAYOUT = 4;
    static final String LAYOUT_ID = Projections.LAYOUT_ID;

    /** The key listing every document of a collection. */
    public static final String ALL = "all";

    /** The key of a campaign's documents. */
    public static String campaignKey(String campaignId) {
        return "campaign:" + campaignId;
    }

    /** The key of a year's documents. */
    public static String yearKey(int year) {
        return "year:" + year;
    }

    public static String entry(String order, String id) {
        return order + SEPARATOR + id;
    }

    public static String idOf(String entry) {
        return entry.substring(entry.lastIndexOf(SEPARATOR) + 1);
    }

    /** The order (or, under a text key, the text) of an entry. */
    public static String orderOf(String entry) {
        return entry.substring(0, entry.lastIndexOf(SEPARATOR));
    }

    /**
     * The key listing every document with its folded text of {@code field} as the entry's order
     * ({@link Projector#searchTexts}).
     */
    public static String textKey(String field) {
        return "text:" + field;
    }

    /**
     * The keys for a text search on {@code field}: one per run of three letters of each word of the folded text
     * ({@link SearchText}). A query word of three letters or more is found under each of its own runs.
     */
    public static Set<String> trigramKeys(String field, String folded) {
        Set<String> keys = new LinkedHashSet<>();
        if (folded == null) {
            return keys;
        }
        for (String word : folded.split(" ")) {
            for (int i = 0; i + 3 <= word.length(); i++) {
                keys.add(field + "~" + word.substring(i, i + 3));
            }
        }
        return keys;
    }

    /**
     * The keys a query word of three letters or more is looked up under: runs of three letters that together cover it
     * (side by side, the last one ending with the word), fewer than all its runs (a twelve-digit id has ten, read
     * here as four) yet each present wherever the word is. The candidates they give are then tested on the word.
     */
    public static Set<String> coveringTrigramKeys(String field, String word) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= word.length(); i += 3) {
            keys.add(field + "~" + word.substring(i, i + 3));
        }
        if (word.length() >= 3 && word.length() % 3 != 0) {
            keys.add(field + "~" + word.substring(word.length() - 3));
        }
        return keys;
    }

    /** Takes {@code entry} out of {@code key} (the document {@code id}'s). */
    void remove(String collection, String key, String entry, String id) {
        removed.computeIfAbsent(bucketId(collection, key, id), k -> new TreeSet<>()).add(entry);
    }

    /** Lists {@code entry} under {@code key} (the document {@code id}'s). */
    void add(String collection, String key, String entry, String id) {
        added.computeIfAbsent(bucketId(collection, key, id), k -> new TreeSet<>()).add(entry);
    }

    void flush(MongoDatabase database) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        removed.forEach((bucket, entries) -> writes.add(new UpdateOneModel<>(Filters.eq(View.ID, bucket),
                Updates.pullAll(ENTRIES, new ArrayList<>(entries)))));
        added.forEach((bucket, entries) -> writes.add(new UpdateOneModel<>(Filters.eq(View.ID, bucket),
                Updates.addEachToSet(ENTRIES, new ArrayList<>(entries)), UPSERT)));
        if (!writes.isEmpty()) {
            database.getCollection(ReadModels.KEY_INDEX).bulkWrite(writes);
        }
        removed.clear();
        added.clear();
    }

    /** Records that the index is (being) built with this class's layout. */
    static void recordLayout(MongoDatabase database) {
        Projections.recordLayout(database, ReadModels.KEY_INDEX, "layout", LAYOUT);
    }

    /** Whether the index was built with this class's layout. */
    static boolean hasCurrentLayout(MongoDatabase database) {
        return Projections.hasLayout(database, ReadModels.KEY_INDEX, "layout", LAYOUT);
    }

    /** The bucket that lists the document {@code id} under {@code key}. */
    private static String bucketId(String collection, String key, String id) {
        return bucketId(collection, key, Math.floorMod(id.hashCode(), BUCKETS));
    }

    private static String bucketId(String collection, String key, int bucket) {
        return collection + "|" + key + "#" + bucket;
    }

    /** The entries of a key, sorted; none for a key never seen. */
    public static TreeSet<String> entries(MongoDatabase database, String collection, String key) {
        List<String> buckets = new ArrayList<>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            buckets.add(bucketId(collection, key, b));
        }
        TreeSet<String> entries = new TreeSet<>();
        for (Document bucket : database.getCollection(ReadModels.KEY_INDEX).find(Filters.in(View.ID, buckets))) {
            entries.addAll(bucket.getList(ENTRIES, String.class));
        }
        return entries;
    }

    /**
     * The entries of each of {@code keys} (an empty list for a key nothing is listed under), read together and in no
     * order: what a dashboard adds up ({@link Projector#coveredValues}). Not sorting them is what makes this cheaper
     * than {@link #entries}: the entries of a statistics key are long texts that share their beginnings, and sorting
     * 2,300 of them took a quarter of the time of reading them.
     */
    public static Map<String, List<String>> entriesByKey(MongoDatabase database, String collection,
                                                         Collection<String> keys) {
        Map<String, String> keyByBucket = new HashMap<>();
        Map<String, List<String>> entries = new TreeMap<>();
        for (String key : keys) {
            entries.put(key, new ArrayList<>());
            for (int b = 0; b < BUCKETS; b++) {
                keyByBucket.put(bucketId(collection, key, b), key);
            }
        }
        for (Document bucket : ReadModels.findByIds(database.getCollection(ReadModels.KEY_INDEX),
                new ArrayList<>(keyByBucket.keySet()))) {
            entries.get(keyByBucket.get(bucket.getString(View.ID))).addAll(bucket.getList(ENTRIES, String.class));
        }
        return entries;
    }

    /** The entries of one key, in no order ({@link #entriesByKey}). */
    public static List<String> entriesInAnyOrder(MongoDatabase database, String collection, String key) {
        return entriesByKey(database, collection, List.of(key)).get(key);
    }

    /** The ids of the documents listed under a text key, each with its text. */
    public static Map<String, String> texts(MongoDatabase database, String collection, String field) {
        Map<String, String> texts = new HashMap<>();
        for (String entry : entries(database, collection, textKey(field))) {
            texts.put(idOf(entry), orderOf(entry));
        }
        return texts;
    }

    /**
     * How many entries each key has in its first bucket: a sample of one in {@value #BUCKETS} (a bucket is chosen by
     * a hash of the document's id), read with one query, by which a query plans which keys to read first.
     */
    public static Map<String, Integer> sampledSizes(MongoDatabase database, String collection,
                                                    Collection<String> keys) {
        Map<String, String> keyByBucket = new HashMap<>();
        for (String key : keys) {
            keyByBucket.put(bucketId(collection, key, 0), key);
        }
        Map<String, Integer> sizes = new HashMap<>();
        keys.forEach(key -> sizes.put(key, 0));
        for (Document bucket : database.getCollection(ReadModels.KEY_INDEX)
                .find(Filters.in(View.ID, keyByBucket.keySet()))) {
            sizes.put(keyByBucket.get(bucket.getString(View.ID)), bucket.getList(ENTRIES, String.class).size());
        }
        return sizes;
    }

    /** The entries present under every one of the keys, sorted (the smallest set first keeps it cheap). */
    public static List<String> entries(MongoDatabase database, String collection, Collection<String> keys) {
        List<TreeSet<String>> sets = new ArrayList<>();
        for (String key : keys) {
            TreeSet<String> set = entries(database, collection, key);
            if (set.isEmpty()) {
                return List.of();
            }
            sets.add(set);
        }
        if (sets.isEmpty()) {
            return List.of();
        }
        sets.sort((a, b) -> Integer.compare(a.size(), b.size()));
        List<String> result = new ArrayList<>(sets.get(0));
        for (TreeSet<String> other : sets.subList(1, sets.size())) {
            Set<String> keep = new HashSet<>(other);
            result.removeIf(entry -> !keep.contains(entry));
        }
        return result;
    }
}

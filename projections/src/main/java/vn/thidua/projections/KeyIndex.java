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
 * entries. They are spread over bucket documents ({@code <collection>|<key>#<bucket>}, the bucket a hash of the
 * document's id): {@value #SCOPED_BUCKETS} for a key within one campaign (its name begins with {@code campaign}: a
 * campaign's units or proposals), {@value #WIDE_BUCKETS} for any other key (all awards, a year, a run of letters), which
 * may list a whole collection. Every update of a bucket costs the store in proportion to the bucket's size (it encodes
 * the whole document to check its size, compares each added entry with those present, and serializes the document
 * again): with 64 buckets, a million events' rebuild rewrote buckets of 1,400 entries at each batch and ran at half
 * the rate of a small one. 1,024 keep a wide key's buckets under 100 entries at that size. A lookup by id costs the
 * store about 5 µs whether the bucket exists or not, so a wide key also has a <em>directory</em>
 * ({@code <collection>|<key>#buckets}): the numbers of the buckets ever written, which a read asks for first.
 * <p>
 * Written <em>before</em> the documents of a batch, with {@code $pull} and {@code $addToSet}: a crash between the two
 * writes is repaired by the redelivery, which finds the documents unchanged and so computes the same changes again.
 * A directory is written before its buckets, and keeps a bucket's number when the bucket empties: a listed bucket
 * that is empty or missing costs a read nothing but its lookup, a bucket left out would hide its entries.
 */
public final class KeyIndex {

    static final int SCOPED_BUCKETS = 64;
    static final int WIDE_BUCKETS = 1024;
    /**
     * Bucket ids per read: the store checks each document it found against the whole {@code $in} list again, so one
     * read of 1,024 ids would cost a million comparisons.
     */
    private static final int BUCKETS_PER_READ = 64;
    private static final String DIRECTORY = "buckets";
    /** The buckets of a wide key that {@link #sampledSizes} reads: one in 64, as of a scoped key. */
    private static final int WIDE_SAMPLE = WIDE_BUCKETS / SCOPED_BUCKETS;
    /** Separates an entry's order from its id; the lowest character, so that a shorter order sorts first. */
    private static final char SEPARATOR = '\u0000';
    private static final String ENTRIES = "entries";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final Map<String, Set<String>> removed = new TreeMap<>();
    private final Map<String, Set<String>> added = new TreeMap<>();

    /**
     * The layout this class writes, recorded in the index (a document {@value #LAYOUT_ID}) when it is built: 2 since
     * the text keys ({@link #textKey}), 3 since wide keys have {@value #WIDE_BUCKETS} buckets and a directory. A data folder whose
     * index has another layout is rebuilt at start ({@code ReadModelProjection#rebuildIfIndexOutdated}).
     */
    static final int LAYOUT = 3;
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

    /**
     * Notes that a document moved from the entries {@code before} (by key) to those {@code after} in this batch: an
     * entry that is the same under the same key is left as it is.
     */
    void change(String collection, Map<String, String> before, Map<String, String> after, String id) {
        before.forEach((key, entry) -> {
            if (!entry.equals(after.get(key))) {
                removed.computeIfAbsent(bucketOf(collection, key, id), k -> new TreeSet<>()).add(entry);
            }
        });
        after.forEach((key, entry) -> {
            if (!entry.equals(before.get(key))) {
                added.computeIfAbsent(bucketOf(collection, key, id), k -> new TreeSet<>()).add(entry);
            }
        });
    }

    /**
     * Writes what the batch changed (the directories of the buckets it adds to first, then removals; each update is
     * idempotent, and the writes are ordered, so a failure leaves no bucket unlisted), and forgets it.
     */
    void flush(MongoDatabase database) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, Set<Integer>> listed = new TreeMap<>();
        added.keySet().forEach(bucket -> {
            int hash = bucket.lastIndexOf('#');
            String key = bucket.substring(bucket.indexOf('|') + 1, hash);
            if (bucketsOf(key) == WIDE_BUCKETS) {
                listed.computeIfAbsent(directoryId(bucket.substring(0, bucket.indexOf('|')), key),
                        k -> new TreeSet<>()).add(Integer.parseInt(bucket.substring(hash + 1)));
            }
        });
        listed.forEach((directory, numbers) -> writes.add(new UpdateOneModel<>(Filters.eq(View.ID, directory),
                Updates.addEachToSet(DIRECTORY, new ArrayList<>(numbers)), UPSERT)));
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

    /** How many buckets a key's entries are spread over: few within one campaign, many for any wider key. */
    static int bucketsOf(String key) {
        return key.startsWith("campaign") ? SCOPED_BUCKETS : WIDE_BUCKETS;
    }

    /** The bucket that lists the document {@code id} under {@code key}. */
    private static String bucketOf(String collection, String key, String id) {
        return bucketId(collection, key, Math.floorMod(spread(id.hashCode()), bucketsOf(key)));
    }

    /**
     * MurmurHash3's finalizer: ids that differ in their last characters ({@code p-12-1}, {@code p-12-2}, …) have
     * {@code hashCode}s close together: 3,000 such ids filled 743 of 1,024 buckets, where a random spread fills
     * about 970; mixed, they spread as a random hash would.
     */
    static int spread(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static String bucketId(String collection, String key, int bucket) {
        return collection + "|" + key + "#" + bucket;
    }

    /** The directory of a wide key's buckets. */
    private static String directoryId(String collection, String key) {
        return collection + "|" + key + "#" + DIRECTORY;
    }

    /** The entries of a key, sorted; none for a key never seen. */
    public static TreeSet<String> entries(MongoDatabase database, String collection, String key) {
        List<Integer> numbers = new ArrayList<>();
        if (bucketsOf(key) == WIDE_BUCKETS) {
            Document directory = database.getCollection(ReadModels.KEY_INDEX)
                    .find(Filters.eq(View.ID, directoryId(collection, key))).first();
            if (directory != null) {
                numbers.addAll(directory.getList(DIRECTORY, Integer.class));
            }
        } else {
            for (int b = 0; b < SCOPED_BUCKETS; b++) {
                numbers.add(b);
            }
        }
        TreeSet<String> entries = new TreeSet<>();
        for (int from = 0; from < numbers.size(); from += BUCKETS_PER_READ) {
            List<String> ids = numbers.subList(from, Math.min(numbers.size(), from + BUCKETS_PER_READ)).stream()
                    .map(b -> bucketId(collection, key, b)).toList();
            for (Document bucket : database.getCollection(ReadModels.KEY_INDEX).find(Filters.in(View.ID, ids))) {
                entries.addAll(bucket.getList(ENTRIES, String.class));
            }
        }
        return entries;
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
     * How many entries each key has in a sample of one in {@value #SCOPED_BUCKETS} of its buckets (a bucket is chosen
     * by a hash of the document's id): the first bucket of a scoped key, the first {@value #WIDE_SAMPLE} of a wide
     * one, read with one query, by which a query plans which keys to read first.
     */
    public static Map<String, Integer> sampledSizes(MongoDatabase database, String collection,
                                                    Collection<String> keys) {
        Map<String, String> keyByBucket = new HashMap<>();
        for (String key : keys) {
            int sampled = bucketsOf(key) / SCOPED_BUCKETS;
            for (int b = 0; b < sampled; b++) {
                keyByBucket.put(bucketId(collection, key, b), key);
            }
        }
        Map<String, Integer> sizes = new HashMap<>();
        keys.forEach(key -> sizes.put(key, 0));
        for (Document bucket : database.getCollection(ReadModels.KEY_INDEX)
                .find(Filters.in(View.ID, keyByBucket.keySet()))) {
            sizes.merge(keyByBucket.get(bucket.getString(View.ID)), bucket.getList(ENTRIES, String.class).size(),
                    Integer::sum);
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

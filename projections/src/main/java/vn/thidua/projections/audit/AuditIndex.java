package vn.thidua.projections.audit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.projections.Projections;
import vn.thidua.projections.ReadModels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code audit_index}: for each aggregate, actor, event type and day (Vietnam date of the event's timestamp), and for
 * all entries together (a key such as {@code aggregate:c-1}, {@code day:2026-11-21}, {@code all}), the global
 * positions of its audit entries, so that a filtered audit query reads only those entries, through unique {@code _id}
 * lookups, the one kind of index every store honours (mongo-java-server keeps no other). A key's positions are kept in
 * buckets of {@value #BUCKET} consecutive positions ({@code <key>#<bucket>}), listed in the key's own document.
 * <p>
 * Written after the entries of a batch, with {@code $addToSet}: a batch delivered again adds nothing, and a crash
 * between the two writes is completed by the redelivery.
 */
public final class AuditIndex {

    /**
     * Positions per bucket. Each batch rewrites the buckets it adds to, and the store rewrites (and serialises) a whole
     * document for every {@code $addToSet}, searching it linearly for each new element: at 10,000 the buckets of
     * {@code all}, of each type and of each day were the largest writes of a rebuild.
     */
    static final long BUCKET = 1_000;
    /** The document recording the layout the index was built with ({@link #BUCKET}). */
    public static final String LAYOUT = Projections.LAYOUT_ID;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final Map<String, Set<Long>> positionsByBucket = new TreeMap<>();
    private final Map<String, Set<Long>> bucketsByKey = new TreeMap<>();
    private final Set<String> days = new TreeSet<>();

    public static String aggregateKey(String aggregateId) {
        return "aggregate:" + aggregateId;
    }

    public static String actorKey(String actorId) {
        return "actor:" + actorId;
    }

    public static String typeKey(String type) {
        return "type:" + type;
    }

    public static String dayKey(LocalDate day) {
        return "day:" + day;
    }

    /** Every entry. */
    public static final String ALL = "all";
    /** The days that have entries: one document listing them ({@code days}). */
    static final String DAYS = "days";

    private static LocalDate day(AuditEntry entry) {
        return LocalDate.ofInstant(entry.timestamp(), DomainClock.VIETNAM);
    }

    private static List<String> keys(AuditEntry entry) {
        List<String> keys = new ArrayList<>(List.of(ALL, typeKey(entry.type()), dayKey(day(entry))));
        if (entry.aggregateId() != null) {
            keys.add(aggregateKey(entry.aggregateId()));
        }
        if (entry.actorId() != null) {
            keys.add(actorKey(entry.actorId()));
        }
        return keys;
    }

    /** Notes an entry of the batch. */
    void add(AuditEntry entry) {
        long bucket = entry.id() / BUCKET;
        for (String key : keys(entry)) {
            positionsByBucket.computeIfAbsent(key + "#" + bucket, k -> new TreeSet<>()).add(entry.id());
            bucketsByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(bucket);
        }
        days.add(day(entry).toString());
    }

    boolean isEmpty() {
        return positionsByBucket.isEmpty();
    }

    /** Writes what the batch added (idempotent), and forgets it. */
    void flush(MongoDatabase database) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        positionsByBucket.forEach((id, positions) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.addEachToSet("positions", new ArrayList<>(positions)), UPSERT)));
        bucketsByKey.forEach((key, buckets) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", key),
                Updates.addEachToSet("buckets", new ArrayList<>(buckets)), UPSERT)));
        if (!days.isEmpty()) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", DAYS), Updates.addEachToSet(DAYS,
                    new ArrayList<>(days)), UPSERT));
        }
        if (!writes.isEmpty()) {
            database.getCollection(ReadModels.AUDIT_INDEX).bulkWrite(writes);
        }
        positionsByBucket.clear();
        bucketsByKey.clear();
        days.clear();
    }

    /** Records that the index is (being) built with this class's layout. */
    static void recordLayout(MongoDatabase database) {
        Projections.recordLayout(database, ReadModels.AUDIT_INDEX, "positionsPerBucket", BUCKET);
    }

    /** Whether the index was built with this class's layout (a bucket holds another range of positions otherwise). */
    static boolean hasCurrentLayout(MongoDatabase database) {
        return Projections.hasLayout(database, ReadModels.AUDIT_INDEX, "positionsPerBucket", BUCKET);
    }

    /** The positions of a key's entries, ascending; none for a key never seen. */
    public static List<Long> positions(MongoDatabase database, String key) {
        var index = database.getCollection(ReadModels.AUDIT_INDEX);
        Document head = index.find(Filters.eq("_id", key)).first();
        if (head == null) {
            return List.of();
        }
        List<String> bucketIds = buckets(head).stream().map(bucket -> key + "#" + bucket).toList();
        TreeSet<Long> positions = new TreeSet<>();
        for (Document bucket : index.find(Filters.in("_id", bucketIds))) {
            positions.addAll(numbers(bucket, "positions"));
        }
        return new ArrayList<>(positions);
    }

    /** The bucket numbers a key's document lists, ascending. */
    private static TreeSet<Long> buckets(Document head) {
        return numbers(head, "buckets");
    }

    private static TreeSet<Long> numbers(Document document, String field) {
        TreeSet<Long> numbers = new TreeSet<>();
        document.getList(field, Object.class).forEach(n -> numbers.add(((Number) n).longValue()));
        return numbers;
    }

    /**
     * At most {@code size} positions of a key, ascending, after the first {@code skip}: its buckets are read in
     * order, one at a time, until the page is full (a page near the start reads one bucket).
     */
    public static List<Long> slice(MongoDatabase database, String key, long skip, int size) {
        var index = database.getCollection(ReadModels.AUDIT_INDEX);
        Document head = index.find(Filters.eq("_id", key)).first();
        List<Long> page = new ArrayList<>();
        if (head == null) {
            return page;
        }
        long toSkip = skip;
        for (long bucket : buckets(head)) {
            Document positions = index.find(Filters.eq("_id", key + "#" + bucket)).first();
            if (positions == null) {
                continue;
            }
            TreeSet<Long> sorted = numbers(positions, "positions");
            if (toSkip >= sorted.size()) {
                toSkip -= sorted.size();
                continue;
            }
            for (long position : sorted) {
                if (toSkip > 0) {
                    toSkip--;
                } else if (page.size() < size) {
                    page.add(position);
                }
            }
            if (page.size() >= size) {
                break;
            }
        }
        return page;
    }

    /** The days with entries from {@code from} to {@code to} (both included, either open), ascending. */
    public static List<LocalDate> days(MongoDatabase database, LocalDate from, LocalDate to) {
        Document head = database.getCollection(ReadModels.AUDIT_INDEX).find(Filters.eq("_id", DAYS)).first();
        if (head == null) {
            return List.of();
        }
        return head.getList(DAYS, String.class).stream().map(LocalDate::parse)
                .filter(d -> (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to)))
                .sorted().toList();
    }

    /** The positions present in every one of the lists (each ascending). */
    public static List<Long> intersection(Collection<List<Long>> lists) {
        List<Long> result = null;
        for (List<Long> list : lists) {
            if (result == null) {
                result = list;
                continue;
            }
            Set<Long> other = new TreeSet<>(list);
            result = result.stream().filter(other::contains).toList();
        }
        return result == null ? List.of() : result;
    }
}

package vn.thidua.query.api;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.ProgressSignal;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.VersionedView;
import vn.thidua.projections.View;
import vn.thidua.projections.audit.AuditEntry;
import vn.thidua.projections.audit.AuditIndex;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.proposals.ProposalView;
import vn.thidua.query.QueryProperties;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the read models with the MongoDB driver, into their view types ({@link DocumentMapper}): what the API
 * answers is a view or a page of views, whose internal fields the API's JSON leaves out ({@code ApiJson}).
 */
@Component
public class ReadModelQueries {

    private final MongoDatabase database;
    private final DocumentMapper mapper;
    private final Duration consistencyWait;
    private final boolean storeIndexes;
    private final QueryProperties.Search search;
    private final ProgressSignal signal;

    public ReadModelQueries(MongoDatabase database, DocumentMapper mapper, QueryProperties properties,
                            ProgressSignal signal) {
        this.database = database;
        this.signal = signal;
        this.mapper = mapper;
        this.consistencyWait = properties.consistencyWait();
        this.storeIndexes = properties.secondaryIndexes();
        this.search = properties.search();
    }

    /**
     * A page of the documents that meet {@code conditions}, in the order of {@code sort}: on a store with secondary
     * indexes (MongoDB), its own query; otherwise through the {@link KeyIndex}, whose order is the same.
     */
    <T extends View> Page<T> page(String collection, Conditions<T> conditions, Bson sort, PageRequest page,
                                  Class<T> type) {
        return storeIndexes ? page(collection, conditions.toFilter(), sort, page, type)
                : pageByKeys(collection, conditions, page, type);
    }

    /**
     * A page through the {@link KeyIndex}, in the index's order. The plan:
     * <ol>
     *   <li>the candidates are the entries listed under every exact key (equalities);</li>
     *   <li>a text condition's keys (runs of three letters) then narrow them, the rarest first (as sampled from one
     *       bucket of each), until at most {@code narrow-enough} (100) remain: a key read costs as many entries as it
     *       lists, and a run like "000", in nearly every twelve-digit id, would cost the whole collection;</li>
     *   <li>the text conditions are tested on the candidates: on the documents themselves when there are at most
     *       {@code document-tests} (500), else on the field's text key (every document's folded text, read once),
     *       so that no search reads more than a page of documents beyond that many.</li>
     * </ol>
     * The answer is the same whichever way the plan goes: each step keeps exactly the matching documents.
     */
    <T extends View> Page<T> pageByKeys(String collection, Conditions<T> conditions, PageRequest page,
                                        Class<T> type) {
        List<Conditions.Words<T>> words = conditions.words();
        List<String> ids = candidates(collection, conditions);
        if (words.isEmpty()) {
            return slice(collection, ids, page, type);
        }
        if (ids.size() > search.documentTests()) {
            return slice(collection, matchingByText(collection, ids, words), page, type);
        }
        List<T> items = new ArrayList<>();
        long matching = 0;
        for (T document : documents(collection, ids, type)) {
            if (words.stream().allMatch(w -> w.testDocument(document))) {
                if (matching >= page.skip() && items.size() < page.size()) {
                    items.add(document);
                }
                matching++;
            }
        }
        return new Page<>(items, page.page(), page.size(), matching);
    }

    /** Steps 1 and 2 of {@link #pageByKeys}'s plan: the ids of the candidates, in the index's order. */
    private <T extends View> List<String> candidates(String collection, Conditions<T> conditions) {
        List<String> exact = conditions.exactKeys();
        List<String> candidates = exact.isEmpty() ? null : KeyIndex.entries(database, collection, exact);
        Set<String> narrowing = conditions.narrowingKeys();
        if (!narrowing.isEmpty()) {
            Map<String, Integer> sampled = KeyIndex.sampledSizes(database, collection, narrowing);
            List<String> rarestFirst = narrowing.stream().sorted(Comparator.comparing(sampled::get)).toList();
            for (String key : rarestFirst) {
                if (candidates != null && candidates.size() <= search.narrowEnough()) {
                    break;
                }
                TreeSet<String> listed = KeyIndex.entries(database, collection, key);
                if (candidates == null) {
                    candidates = new ArrayList<>(listed);
                } else {
                    candidates.removeIf(entry -> !listed.contains(entry));
                }
            }
        }
        if (candidates == null) {
            candidates = List.of();
        }
        return candidates.stream().map(KeyIndex::idOf).toList();
    }

    /**
     * Every document that meets {@code conditions}, in the order of {@code sort} (the index's order without secondary
     * indexes, which is the same), handed to {@code sink} {@code chunk} at a time: for an export, which must not hold
     * the whole answer.
     */
    <T extends View> void each(String collection, Conditions<T> conditions, Bson sort, Class<T> type, int chunk,
                               Consumer<List<T>> sink) {
        List<T> batch = new ArrayList<>(chunk);
        if (storeIndexes) {
            for (Document d : database.getCollection(collection).find(conditions.toFilter()).sort(sort)
                    .batchSize(chunk)) {
                batch.add(mapper.fromDocument(d, type));
                if (batch.size() == chunk) {
                    sink.accept(batch);
                    batch = new ArrayList<>(chunk);
                }
            }
        } else {
            List<String> ids = candidates(collection, conditions);
            List<Conditions.Words<T>> words = conditions.words();
            if (!words.isEmpty() && ids.size() > search.documentTests()) {
                ids = matchingByText(collection, ids, words);
            }
            for (int i = 0; i < ids.size(); i += chunk) {
                for (T document : documents(collection, ids.subList(i, Math.min(ids.size(), i + chunk)), type)) {
                    if (words.stream().allMatch(w -> w.testDocument(document))) {
                        batch.add(document);
                    }
                }
                sink.accept(batch);
                batch = new ArrayList<>(chunk);
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /** The page of the documents {@code ids} (all of them matching), read by id. */
    private <T extends View> Page<T> slice(String collection, List<String> ids, PageRequest page, Class<T> type) {
        int start = (int) Math.min(ids.size(), page.skip());
        return new Page<>(documents(collection, ids.subList(start, Math.min(ids.size(), start + page.size())), type),
                page.page(), page.size(), ids.size());
    }

    /** The ids (in their order) whose folded texts, as the text keys list them, meet every text condition. */
    private <T extends View> List<String> matchingByText(String collection, List<String> ids,
                                                         List<Conditions.Words<T>> words) {
        Map<String, Map<String, String>> textsByField = new HashMap<>();
        for (Conditions.Words<T> w : words) {
            textsByField.computeIfAbsent(w.indexField(), field -> KeyIndex.texts(database, collection, field));
        }
        return ids.stream().filter(id -> words.stream()
                .allMatch(w -> w.test(textsByField.get(w.indexField()).get(id)))).toList();
    }

    /**
     * The documents with these ids, in the same order (an id without a document is left out), read 100 ids to a query
     * ({@link ReadModels#findByIds}).
     */
    public <T extends View> List<T> documents(String collection, List<String> ids, Class<T> type) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, T> byId = new HashMap<>();
        for (Document d : ReadModels.findByIds(database.getCollection(collection), ids)) {
            T view = mapper.fromDocument(d, type);
            byId.put(view.id, view);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A page of documents read as {@code type}. */
    public <T extends View> Page<T> page(String collection, Bson filter, Bson sort, PageRequest page, Class<T> type) {
        return page(collection, filter, sort, page, d -> mapper.fromDocument(d, type));
    }

    /** A page of documents, each read by {@code read}. */
    public <T> Page<T> page(String collection, Bson filter, Bson sort, PageRequest page, Function<Document, T> read) {
        var c = database.getCollection(collection);
        List<T> items = c.find(filter).sort(sort).skip(page.skip()).limit(page.size()).map(read::apply)
                .into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), c.countDocuments(filter));
    }

    public <T extends View> Optional<T> byId(String collection, String id, Class<T> type) {
        return Optional.ofNullable(database.getCollection(collection).find(Filters.eq(View.ID, id)).first())
                .map(d -> mapper.fromDocument(d, type));
    }

    public boolean exists(String collection, String id) {
        return database.getCollection(collection).countDocuments(Filters.eq(View.ID, id)) > 0;
    }

    /**
     * Read-your-writes: waits (at most the configured time) until the document has applied its aggregate's version
     * {@code minVersion} and every document its batch changed in the same campaign is written (the campaign's mark,
     * see {@code DocumentBatch#flush}); 409 if it does not get there. A campaign document is its own campaign; every
     * other document names its campaign.
     */
    public void awaitVersion(String collection, String id, Long minVersion) {
        if (minVersion == null) {
            return;
        }
        if (minVersion < 0) {
            throw new QueryExceptions.InvalidParameter("minVersion", "Phiên bản tối thiểu phải từ 0 trở lên");
        }
        Instant start = Instant.now();
        Instant deadline = start.plus(consistencyWait);
        long reached = -1;
        while (true) {
            long signals = signal.count();
            Document d = database.getCollection(collection).find(Filters.eq(View.ID, id))
                    .projection(new Document(VersionedView.VERSION, 1).append(View.POSITION, 1)
                            .append(ProposalView.CAMPAIGN_ID, 1)).first();
            reached = d == null || d.get(VersionedView.VERSION) == null ? -1
                    : ((Number) d.get(VersionedView.VERSION)).longValue();
            if (d != null && reached >= minVersion && batchWritten(
                    ReadModels.CAMPAIGNS.equals(collection) ? id : d.getString(ProposalView.CAMPAIGN_ID),
                    ((Number) d.get(View.POSITION)).longValue())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new QueryExceptions.NotCaughtUp(id, minVersion, reached,
                        Duration.between(start, Instant.now()).toMillis());
            }
            try {
                signal.awaitAfter(signals, 25); // this node's batches wake it at once; other nodes' in 25 ms
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryExceptions.NotCaughtUp(id, minVersion, reached, 0);
            }
        }
    }

    /** Whether every document the campaign's batch that wrote {@code position} changed is written. */
    private boolean batchWritten(String campaignId, long position) {
        Document mark = database.getCollection(ReadModels.PROGRESS)
                .find(Filters.eq(View.ID, ReadModels.progressMark(ReadModels.READ_MODELS_GROUP, campaignId))).first();
        return mark != null && ((Number) mark.get(View.POSITION)).longValue() >= position;
    }

    /**
     * A page of the audit entries that carry every one of {@code keys} (see {@link AuditIndex}), stored at or after
     * {@code from} and before {@code to} where given, in the order of the event store: only those entries are read,
     * through the index's and the entries' own {@code _id}s.
     */
    public Page<AuditEntry> auditByKeys(List<String> keys, Instant from, Instant to, PageRequest page) {
        return auditPage(auditPositions(keys, from, to), page);
    }

    /** A page of every audit entry, in the order of the event store: only the page's index bucket and entries. */
    public Page<AuditEntry> auditAll(PageRequest page) {
        long total = database.getCollection(ReadModels.AUDIT).estimatedDocumentCount();
        return new Page<>(entries(AuditIndex.slice(database, AuditIndex.ALL, page.skip(), page.size())),
                page.page(), page.size(), total);
    }

    /**
     * A page of the audit entries stored at or after {@code from} and before {@code to} (either open): the positions
     * of the days in between from the index, where only the entries of the first and the last day are read to compare
     * their time.
     */
    public Page<AuditEntry> auditBetween(Instant from, Instant to, PageRequest page) {
        return auditPage(auditPositions(List.of(), from, to), page);
    }

    /**
     * The positions (ascending) of every audit entry that carries all of {@code keys} (none: no key condition) and was
     * stored at or after {@code from} and before {@code to} (either open), as {@link #auditByKeys} and
     * {@link #auditBetween} select them; not for the whole trail (an export of it walks the ledger's leaves).
     */
    public List<Long> auditPositions(List<String> keys, Instant from, Instant to) {
        if (!keys.isEmpty()) {
            List<Long> positions = AuditIndex.intersection(keys.stream()
                    .map(key -> AuditIndex.positions(database, key)).toList());
            return from != null || to != null ? within(positions, from, to) : positions;
        }
        LocalDate firstDay = from == null ? null : LocalDate.ofInstant(from, DomainClock.VIETNAM);
        LocalDate lastDay = to == null ? null : LocalDate.ofInstant(to.minusNanos(1), DomainClock.VIETNAM);
        TreeSet<Long> positions = new TreeSet<>();
        for (LocalDate day : AuditIndex.days(database, firstDay, lastDay)) {
            List<Long> ofDay = AuditIndex.positions(database, AuditIndex.dayKey(day));
            boolean wholeDay = !day.equals(firstDay) && !day.equals(lastDay);
            positions.addAll(wholeDay ? ofDay : within(ofDay, from, to));
        }
        return new ArrayList<>(positions);
    }

    /** The audit entries at these (ascending) positions, in that order (a position without an entry is left out). */
    public List<AuditEntry> auditEntriesAt(List<Long> positions) {
        return entries(positions);
    }

    /** Those of the (ascending) positions whose entries were stored at or after {@code from} and before {@code to}. */
    private List<Long> within(List<Long> positions, Instant from, Instant to) {
        List<Long> within = new ArrayList<>();
        for (int i = 0; i < positions.size(); i += 1000) {
            for (AuditEntry entry : entries(positions.subList(i, Math.min(positions.size(), i + 1000)))) {
                if ((from == null || !entry.timestamp().isBefore(from))
                        && (to == null || entry.timestamp().isBefore(to))) {
                    within.add(entry.id());
                }
            }
        }
        return within;
    }

    /** The page of entries at these (ascending) positions, all of which the total counts. */
    private Page<AuditEntry> auditPage(List<Long> positions, PageRequest page) {
        int start = (int) Math.min(positions.size(), page.skip());
        List<Long> onPage = positions.subList(start, Math.min(positions.size(), start + page.size()));
        return new Page<>(entries(onPage), page.page(), page.size(), positions.size());
    }

    private List<AuditEntry> entries(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return ReadModels.findByIds(database.getCollection(ReadModels.AUDIT), positions).stream().map(AuditEntry::from)
                .sorted(Comparator.comparingLong(AuditEntry::id)).toList();
    }

    /** The campaign's next milestone due today or later (Vietnam date), or null when none is left. */
    public static Milestone nextDueMilestone(CampaignView campaign) {
        if (campaign.plan == null) {
            return null;
        }
        LocalDate today = DomainClock.today();
        return campaign.plan.milestones().stream().filter(m -> m.dueDate() != null && !m.dueDate().isBefore(today))
                .min(Comparator.comparing(Milestone::dueDate)).orElse(null);
    }
}

package vn.thidua.query.api;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.VersionedView;
import vn.thidua.projections.View;
import vn.thidua.projections.audit.AuditEntry;
import vn.thidua.projections.audit.AuditIndex;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.query.QueryProperties;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    public ReadModelQueries(MongoDatabase database, DocumentMapper mapper, QueryProperties properties) {
        this.database = database;
        this.mapper = mapper;
        this.consistencyWait = properties.consistencyWait();
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
     * {@code minVersion}; 409 if it does not get there.
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
            Document d = database.getCollection(collection).find(Filters.eq(View.ID, id))
                    .projection(new Document(VersionedView.VERSION, 1).append(View.POSITION, 1)).first();
            reached = d == null || d.get(VersionedView.VERSION) == null ? -1
                    : ((Number) d.get(VersionedView.VERSION)).longValue();
            if (d != null && reached >= minVersion && batchWritten(((Number) d.get(View.POSITION)).longValue())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new QueryExceptions.NotCaughtUp(id, minVersion, reached,
                        Duration.between(start, Instant.now()).toMillis());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryExceptions.NotCaughtUp(id, minVersion, reached, 0);
            }
        }
    }

    /** Whether every document of the batch that wrote {@code position} is written (documents go in turn). */
    private boolean batchWritten(long position) {
        Document mark = database.getCollection(ReadModels.PROGRESS)
                .find(Filters.eq(View.ID, ReadModels.READ_MODELS_GROUP)).first();
        return mark != null && ((Number) mark.get(View.POSITION)).longValue() >= position;
    }

    /**
     * A page of the audit entries that carry every one of {@code keys} (see {@link AuditIndex}), stored at or after
     * {@code from} and before {@code to} where given, in the order of the event store: only those entries are read,
     * through the index's and the entries' own {@code _id}s.
     */
    public Page<AuditEntry> auditByKeys(List<String> keys, Instant from, Instant to, PageRequest page) {
        List<Long> positions = AuditIndex.intersection(keys.stream()
                .map(key -> AuditIndex.positions(database, key)).toList());
        if (from != null || to != null) {
            List<Long> within = new ArrayList<>();
            for (int i = 0; i < positions.size(); i += 1000) {
                for (AuditEntry entry : entries(positions.subList(i, Math.min(positions.size(), i + 1000)))) {
                    if ((from == null || !entry.timestamp().isBefore(from))
                            && (to == null || entry.timestamp().isBefore(to))) {
                        within.add(entry.id());
                    }
                }
            }
            positions = within;
        }
        int start = (int) Math.min(positions.size(), page.skip());
        List<Long> onPage = positions.subList(start, Math.min(positions.size(), start + page.size()));
        return new Page<>(entries(onPage), page.page(), page.size(), positions.size());
    }

    private List<AuditEntry> entries(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return database.getCollection(ReadModels.AUDIT).find(Filters.in(AuditEntry.ID, positions))
                .sort(Sorts.ascending(AuditEntry.ID)).map(AuditEntry::from).into(new ArrayList<>());
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

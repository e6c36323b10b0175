package vn.thidua.query.api;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.Texts;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.SearchText;
import vn.thidua.query.QueryProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the read models with the MongoDB driver and shapes documents for the API. */
@Component
public class ReadModelQueries {

    /** Fields kept for the database's own use, not shown. */
    private static final Set<String> HIDDEN = Set.of("search", "nomineeSearch", "issuerKey");

    private final MongoDatabase database;
    private final Duration consistencyWait;

    public ReadModelQueries(MongoDatabase database, QueryProperties properties) {
        this.database = database;
        this.consistencyWait = properties.consistencyWait();
    }

    public Page page(String collection, Bson filter, Bson sort, PageRequest page) {
        var c = database.getCollection(collection);
        List<Map<String, Object>> items = c.find(filter).sort(sort).skip(page.skip()).limit(page.size())
                .map(ReadModelQueries::shape).into(new ArrayList<>());
        return new Page(items, page.page(), page.size(), c.countDocuments(filter));
    }

    public Optional<Document> byId(String collection, String id) {
        return Optional.ofNullable(database.getCollection(collection).find(Filters.eq("_id", id)).first());
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
            Document d = database.getCollection(collection).find(Filters.eq("_id", id))
                    .projection(new Document("version", 1).append("position", 1)).first();
            reached = d == null || d.get("version") == null ? -1 : ((Number) d.get("version")).longValue();
            if (d != null && reached >= minVersion && batchWritten(((Number) d.get("position")).longValue())) {
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
                .find(Filters.eq("_id", ReadModels.READ_MODELS_GROUP)).first();
        return mark != null && ((Number) mark.get("position")).longValue() >= position;
    }

    /** The longest text a query parameter may carry. */
    public static final int MAX_PARAMETER_LENGTH = 200;

    /** A text parameter as given, refused when too long or not valid text; null stays null. */
    public static String text(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_PARAMETER_LENGTH || !Texts.isValidUnicode(value)) {
            throw new QueryExceptions.InvalidParameter(parameter, "Tham số \"" + parameter
                    + "\" phải là văn bản hợp lệ, tối đa " + MAX_PARAMETER_LENGTH + " ký tự");
        }
        return value;
    }

    /** A year parameter within the years any campaign can touch. */
    public static Integer year(Integer year) {
        if (year != null && (year < Limits.EARLIEST_DATE.getYear()
                || year > Limits.LATEST_DATE.getYear())) {
            throw new QueryExceptions.InvalidParameter("year", "Năm phải từ "
                    + Limits.EARLIEST_DATE.getYear() + " đến "
                    + Limits.LATEST_DATE.getYear());
        }
        return year;
    }

    /** "bo trach" → every word must appear in the folded field. */
    public static Bson words(String field, String text) {
        List<Bson> all = new ArrayList<>();
        for (String word : SearchText.fold(text).split(" ")) {
            if (!word.isEmpty()) {
                all.add(Filters.regex(field, Pattern.compile(Pattern.quote(word))));
            }
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }

    public static Bson all(List<Bson> filters) {
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    public static Bson byIdAscending() {
        return Sorts.ascending("_id");
    }

    /** A document as the API shows it: {@code id} first, internal fields left out. */
    public static Map<String, Object> shape(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.get("_id"));
        d.forEach((k, v) -> {
            if (!"_id".equals(k) && !HIDDEN.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The campaign's next milestone due today or later (Vietnam date), or null when none is left. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> nextDueMilestone(Document campaign) {
        Document plan = campaign.get("plan", Document.class);
        if (plan == null) {
            return null;
        }
        String today = DomainClock.today().toString();
        return ((List<Document>) plan.get("milestones", List.class)).stream()
                .filter(m -> m.getString("dueDate") != null && m.getString("dueDate").compareTo(today) >= 0)
                .min(Comparator.comparing(m -> m.getString("dueDate")))
                .map(m -> (Map<String, Object>) new LinkedHashMap<String, Object>(m))
                .orElse(null);
    }
}

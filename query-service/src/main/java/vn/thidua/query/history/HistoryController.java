package vn.thidua.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.projections.AsOf;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.Fact;
import vn.thidua.projections.ReadModels;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.ledger.export.ExportLayout;
import vn.thidua.ledger.export.ExportWriter;
import vn.thidua.query.export.ExportResponse;
import vn.thidua.query.export.LedgerStamp;
import vn.thidua.service.security.Allowed;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.AUDITOR;

/**
 * History for auditors, computed from the event store, never from the stored read models.
 * <ul>
 *   <li>{@code /as-of?at=} (an instant, or a Vietnam date: its end), {@code ?version=} (of the campaign or proposal)
 *       or {@code ?position=} (of the event store: after every event at or before it): the read-model document
 *       exactly as the live read model held it at that point, folded in memory ({@link AsOf}); the answer's body is
 *       the stored document's JSON, and its headers state the position, version and time of the last event it
 *       reflects;</li>
 *   <li>{@code /history}: every event in order with when, who, why, correlation and what it changed in the document
 *       (RFC 6902 JSON Patch, zjsonpatch), a page at a time.</li>
 * </ul>
 */
@RestController
@Allowed({AUDITOR, ADMIN})
public class HistoryController {

    public static final String POSITION = "Thidua-As-Of-Position";
    public static final String VERSION = "Thidua-As-Of-Version";
    public static final String TIMESTAMP = "Thidua-As-Of-Timestamp";
    static final int MAX_HISTORY_PAGE = 1000;

    private final DecisionHistory decisions;
    private final DocumentMapper mapper;
    private final LedgerStamp stamp;

    public HistoryController(DecisionHistory decisions, DocumentMapper mapper, LedgerStamp stamp) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.stamp = stamp;
    }

    @GetMapping(value = "/api/campaigns/{campaignId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> campaignAsOf(@PathVariable String campaignId,
                                               @RequestParam(required = false) String at,
                                               @RequestParam(required = false) String version,
                                               @RequestParam(required = false) String position) {
        QueryParameters.text("campaignId", campaignId);
        return asOf(ReadModels.CAMPAIGNS, campaignId, decisions.campaign(campaignId), at,
                QueryParameters.number("version", version, 0, Long.MAX_VALUE),
                QueryParameters.number("position", position, 0, Long.MAX_VALUE), "phong trào");
    }

    @GetMapping(value = "/api/proposals/{proposalId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> proposalAsOf(@PathVariable String proposalId,
                                               @RequestParam(required = false) String at,
                                               @RequestParam(required = false) String version,
                                               @RequestParam(required = false) String position) {
        QueryParameters.text("proposalId", proposalId);
        return asOf(ReadModels.PROPOSALS, proposalId, decisions.proposal(proposalId), at,
                QueryParameters.number("version", version, 0, Long.MAX_VALUE),
                QueryParameters.number("position", position, 0, Long.MAX_VALUE), "đề nghị khen thưởng");
    }

    /** The campaign's events and its proposals' events, each with what it changed in the campaign's document. */
    @GetMapping("/api/campaigns/{campaignId}/history")
    public ObjectNode campaignHistory(@PathVariable String campaignId,
                                      @RequestParam(defaultValue = "-1") String after,
                                      @RequestParam(defaultValue = "100") String limit) {
        QueryParameters.text("campaignId", campaignId);
        return history(ReadModels.CAMPAIGNS, campaignId, decisions.campaign(campaignId), m -> true, after(after),
                limit(limit));
    }

    /** The proposal's own events, each with what it changed in the proposal's document. */
    @GetMapping("/api/proposals/{proposalId}/history")
    public ObjectNode proposalHistory(@PathVariable String proposalId,
                                      @RequestParam(defaultValue = "-1") String after,
                                      @RequestParam(defaultValue = "100") String limit) {
        QueryParameters.text("proposalId", proposalId);
        return history(ReadModels.PROPOSALS, proposalId, decisions.proposal(proposalId),
                m -> DecisionHistory.isOf(m, proposalId), after(after), limit(limit));
    }

    /**
     * The campaign's decision history as CSV or XLSX ({@code format}), stamped with the latest signed tree head: the
     * events it covers, each with the history's columns and its leaf, inclusion path and canonical form.
     */
    @GetMapping("/api/campaigns/{campaignId}/history/export")
    public void campaignHistoryExport(@PathVariable String campaignId,
                                      @RequestParam(required = false) String format,
                                      @RequestParam(required = false) String consistencyFrom,
                                      Principal user, HttpServletResponse response) throws IOException {
        ExportLayout.Format chosen = ExportResponse.format(format);
        QueryParameters.text("campaignId", campaignId);
        exportHistory(ReadModels.CAMPAIGNS, campaignId, decisions.campaign(campaignId), m -> true, chosen,
                "campaignId=" + campaignId, consistencyFrom, user, response);
    }

    /** The proposal's decision history as CSV or XLSX, stamped like the campaign's. */
    @GetMapping("/api/proposals/{proposalId}/history/export")
    public void proposalHistoryExport(@PathVariable String proposalId,
                                      @RequestParam(required = false) String format,
                                      @RequestParam(required = false) String consistencyFrom,
                                      Principal user, HttpServletResponse response) throws IOException {
        ExportLayout.Format chosen = ExportResponse.format(format);
        QueryParameters.text("proposalId", proposalId);
        exportHistory(ReadModels.PROPOSALS, proposalId, decisions.proposal(proposalId),
                m -> DecisionHistory.isOf(m, proposalId), chosen, "proposalId=" + proposalId, consistencyFrom, user,
                response);
    }

    static final List<ExportLayout.Column> EXPORT_COLUMNS = ExportResponse.eventTable(
            new ExportLayout.Column("why", "Lý do, căn cứ, ý kiến"),
            new ExportLayout.Column("correlationId", "Mã tương quan"), new ExportLayout.Column("description", "Mô tả"),
            new ExportLayout.Column("changes", "Thay đổi (RFC 6902)"));

    private void exportHistory(String collection, String id, List<TrackedEventMessage<?>> events,
                               Predicate<TrackedEventMessage<?>> listed, ExportLayout.Format format, String filter,
                               String consistencyFrom, Principal user, HttpServletResponse response)
            throws IOException {
        Long since = QueryParameters.number("consistencyFrom", consistencyFrom, 1, Long.MAX_VALUE);
        try (ExportResponse.Slot running = ExportResponse.slot()) {
            LedgerStamp.Taken taken = stamp.take("history", filter, ExportResponse.user(user), since, false, true);
            ExportWriter out = ExportResponse.open(response, format, "thidua-history-" + id, taken, EXPORT_COLUMNS);
            List<ObjectNode> pending = new ArrayList<>();
            decisions.walk(collection, id, events, listed, -1, (message, entry) -> {
                if (entry.get("position").asLong() > taken.throughPosition()) {
                    return false; // after the head: not in this export
                }
                pending.add(entry);
                if (pending.size() == ExportResponse.CHUNK) {
                    writeHistoryRows(out, taken, pending);
                }
                return true;
            });
            writeHistoryRows(out, taken, pending);
            out.finish();
        }
    }

    private void writeHistoryRows(ExportWriter out, LedgerStamp.Taken taken, List<ObjectNode> entries) {
        Map<Long, List<Object>> cells = stamp.cells(taken, entries.stream().map(e -> e.get("position").asLong())
                .toList());
        for (ObjectNode e : entries) {
            long position = e.get("position").asLong();
            JsonNode actor = e.path("actor");
            out.row(ExportResponse.row(Arrays.asList(position, e.path("timestamp").asText(null),
                    e.path("type").asText(null), e.path("aggregateType").asText(null),
                    e.path("aggregateId").asText(null), e.hasNonNull("sequence") ? e.get("sequence").asLong() : null,
                    e.path("eventId").asText(null), actor.path("id").asText(null), actor.path("role").asText(null),
                    actor.path("unit").asText(null), e.path("why").isEmpty() ? null : e.get("why").toString(),
                    e.path("correlationId").asText(null), e.path("description").asText(null),
                    e.get("changes").toString()), cells.get(position)));
        }
        entries.clear();
    }

    private static long after(String after) {
        return QueryParameters.number("after", after, -1, Long.MAX_VALUE);
    }

    private static int limit(String limit) {
        return QueryParameters.number("limit", limit, 1, MAX_HISTORY_PAGE).intValue();
    }

    private ResponseEntity<String> asOf(String collection, String id, List<TrackedEventMessage<?>> events, String at,
                                        Long version, Long position, String what) {
        if ((at == null ? 0 : 1) + (version == null ? 0 : 1) + (position == null ? 0 : 1) != 1) {
            throw new QueryExceptions.InvalidParameter("at", "Cần đúng một trong ba: at (thời điểm hoặc ngày),"
                    + " version (phiên bản) hoặc position (vị trí trong kho sự kiện)");
        }
        Predicate<TrackedEventMessage<?>> within;
        if (at != null) {
            Instant until = endOf(at);
            within = m -> !m.getTimestamp().isAfter(until);
        } else if (position != null) {
            within = m -> m.trackingToken().position().orElseThrow() <= position;
        } else {
            long last = events.stream().filter(m -> DecisionHistory.isOf(m, id) && sequence(m) == version).findFirst()
                    .map(m -> m.trackingToken().position().orElseThrow())
                    .orElseThrow(() -> new QueryExceptions.NotFound(what + " ở phiên bản", id + "@" + version));
            within = m -> m.trackingToken().position().orElseThrow() <= last;
        }
        AsOf fold = new AsOf(mapper);
        Fact reached = null;
        for (TrackedEventMessage<?> message : events) {
            if (!within.test(message)) {
                break; // a sequence is in position order: what follows is later
            }
            reached = fold.apply(message);
        }
        Optional<Document> document = fold.stored(collection, id);
        if (document.isEmpty()) {
            throw new QueryExceptions.NotFound(what + " tại thời điểm đó", id);
        }
        Object documentVersion = document.get().get("version");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(POSITION, String.valueOf(reached.position()))
                .header(VERSION, String.valueOf(documentVersion))
                .header(TIMESTAMP, reached.at().toString())
                .body(document.get().toJson(DecisionHistory.RELAXED));
    }

    private ObjectNode history(String collection, String id, List<TrackedEventMessage<?>> events,
                               Predicate<TrackedEventMessage<?>> listed, long after, int limit) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode entries = answer.putArray("events");
        DecisionHistory.Walked walked = decisions.walk(collection, id, events, listed, after, (message, entry) -> {
            if (entries.size() == limit) {
                return false;
            }
            entries.add(entry);
            return true;
        });
        answer.put("next", walked.next() == null ? after : walked.next());
        answer.put("more", walked.more());
        return answer;
    }

    private static long sequence(TrackedEventMessage<?> message) {
        return ((DomainEventMessage<?>) message).getSequenceNumber();
    }

    /** An instant, or a Vietnam date taken to its last instant (everything recorded on that day). */
    static Instant endOf(String at) {
        String value = QueryParameters.text("at", at).trim();
        return value.length() == 10 ? QueryParameters.instant("at", value, true).minusNanos(1)
                : QueryParameters.instant("at", value, false);
    }
}

package vn.thidua.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.projections.AsOf;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.Fact;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.audit.AuditDescriptions;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.service.security.Allowed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
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
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final List<String> REASONS = List.of("reason", "ground", "opinion", "explanation", "note",
            "findings");

    private final SequenceEvents sequences;
    private final DocumentMapper mapper;
    private final ObjectMapper json = new ObjectMapper();

    public HistoryController(SequenceEvents sequences, DocumentMapper mapper) {
        this.sequences = sequences;
        this.mapper = mapper;
    }

    @GetMapping(value = "/api/campaigns/{campaignId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> campaignAsOf(@PathVariable String campaignId,
                                               @RequestParam(required = false) String at,
                                               @RequestParam(required = false) String version,
                                               @RequestParam(required = false) String position) {
        QueryParameters.text("campaignId", campaignId);
        return asOf(ReadModels.CAMPAIGNS, campaignId, campaign(campaignId), at,
                QueryParameters.number("version", version, 0, Long.MAX_VALUE),
                QueryParameters.number("position", position, 0, Long.MAX_VALUE), "phong trào");
    }

    @GetMapping(value = "/api/proposals/{proposalId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> proposalAsOf(@PathVariable String proposalId,
                                               @RequestParam(required = false) String at,
                                               @RequestParam(required = false) String version,
                                               @RequestParam(required = false) String position) {
        QueryParameters.text("proposalId", proposalId);
        return asOf(ReadModels.PROPOSALS, proposalId, proposal(proposalId), at,
                QueryParameters.number("version", version, 0, Long.MAX_VALUE),
                QueryParameters.number("position", position, 0, Long.MAX_VALUE), "đề nghị khen thưởng");
    }

    /** The campaign's events and its proposals' events, each with what it changed in the campaign's document. */
    @GetMapping("/api/campaigns/{campaignId}/history")
    public ObjectNode campaignHistory(@PathVariable String campaignId,
                                      @RequestParam(defaultValue = "-1") String after,
                                      @RequestParam(defaultValue = "100") String limit) {
        QueryParameters.text("campaignId", campaignId);
        return history(ReadModels.CAMPAIGNS, campaignId, campaign(campaignId), m -> true, after(after),
                limit(limit));
    }

    /** The proposal's own events, each with what it changed in the proposal's document. */
    @GetMapping("/api/proposals/{proposalId}/history")
    public ObjectNode proposalHistory(@PathVariable String proposalId,
                                      @RequestParam(defaultValue = "-1") String after,
                                      @RequestParam(defaultValue = "100") String limit) {
        QueryParameters.text("proposalId", proposalId);
        return history(ReadModels.PROPOSALS, proposalId, proposal(proposalId), m -> isOf(m, proposalId),
                after(after), limit(limit));
    }

    private static long after(String after) {
        return QueryParameters.number("after", after, -1, Long.MAX_VALUE);
    }

    private static int limit(String limit) {
        return QueryParameters.number("limit", limit, 1, MAX_HISTORY_PAGE).intValue();
    }

    private List<TrackedEventMessage<?>> campaign(String campaignId) {
        List<TrackedEventMessage<?>> events = sequences.ofCampaign(campaignId);
        if (events.isEmpty()) {
            throw new QueryExceptions.NotFound("phong trào", campaignId);
        }
        return events;
    }

    private List<TrackedEventMessage<?>> proposal(String proposalId) {
        String campaignId = sequences.campaignOfProposal(proposalId)
                .orElseThrow(() -> new QueryExceptions.NotFound("đề nghị khen thưởng", proposalId));
        return sequences.ofCampaign(campaignId);
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
            long last = events.stream().filter(m -> isOf(m, id) && sequence(m) == version).findFirst()
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
                .body(document.get().toJson(RELAXED));
    }

    private ObjectNode history(String collection, String id, List<TrackedEventMessage<?>> events,
                               Predicate<TrackedEventMessage<?>> listed, long after, int limit) {
        AsOf fold = new AsOf(mapper);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode entries = answer.putArray("events");
        JsonNode before = null;
        long next = after;
        boolean more = false;
        for (TrackedEventMessage<?> message : events) {
            long position = message.trackingToken().position().orElseThrow();
            boolean inPage = position > after && listed.test(message);
            if (inPage && entries.size() == limit) {
                more = true;
                break;
            }
            if (inPage && before == null) {
                before = document(fold, collection, id);
            }
            fold.apply(message);
            if (!inPage) {
                continue;
            }
            JsonNode now = document(fold, collection, id);
            entries.add(entry(message, JsonDiff.asJson(before, now)));
            before = now;
            next = position;
        }
        answer.put("next", next);
        answer.put("more", more);
        return answer;
    }

    /** The document as JSON at this point of the fold; an empty object before it exists. */
    private JsonNode document(AsOf fold, String collection, String id) {
        return fold.stored(collection, id).map(d -> readTree(d.toJson(RELAXED)))
                .orElseGet(JsonNodeFactory.instance::objectNode);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode entry(TrackedEventMessage<?> message, JsonNode changes) {
        MetaData meta = message.getMetaData();
        ObjectNode entry = JsonNodeFactory.instance.objectNode()
                .put("position", message.trackingToken().position().orElseThrow())
                .put("eventId", message.getIdentifier())
                .put("type", message.getPayloadType().getSimpleName());
        if (message instanceof DomainEventMessage<?> domain) {
            entry.put("aggregateType", domain.getType()).put("aggregateId", domain.getAggregateIdentifier())
                    .put("sequence", domain.getSequenceNumber());
        }
        entry.put("timestamp", message.getTimestamp().toString());
        entry.putObject("actor").put("id", text(meta, ActorMetadata.ACTOR_ID))
                .put("role", text(meta, ActorMetadata.ACTOR_ROLE)).put("unit", text(meta, ActorMetadata.ACTOR_UNIT));
        ObjectNode why = entry.putObject("why");
        JsonNode payload = mapper.json().valueToTree(message.getPayload());
        for (String field : REASONS) {
            if (payload.hasNonNull(field)) {
                why.set(field, payload.get(field));
            }
        }
        entry.put("correlationId", text(meta, ActorMetadata.CORRELATION_ID))
                .put("clientCorrelationId", text(meta, ActorMetadata.CLIENT_CORRELATION_ID))
                .put("description", AuditDescriptions.describe(message.getPayload()));
        entry.set("changes", changes);
        return entry;
    }

    private static boolean isOf(TrackedEventMessage<?> message, String aggregateId) {
        return message instanceof DomainEventMessage<?> domain && aggregateId.equals(domain.getAggregateIdentifier());
    }

    private static long sequence(TrackedEventMessage<?> message) {
        return ((DomainEventMessage<?>) message).getSequenceNumber();
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    /** An instant, or a Vietnam date taken to its last instant (everything recorded on that day). */
    static Instant endOf(String at) {
        String value = QueryParameters.text("at", at).trim();
        return value.length() == 10 ? QueryParameters.instant("at", value, true).minusNanos(1)
                : QueryParameters.instant("at", value, false);
    }
}

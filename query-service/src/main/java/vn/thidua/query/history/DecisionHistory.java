package vn.thidua.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.projections.AsOf;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.projections.audit.AuditDescriptions;
import vn.thidua.query.api.QueryExceptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The decision history of a campaign or a proposal, computed from the event store: its events in order, each with
 * when, who (actor, role, unit), why (reason, ground, opinion, …), correlation ids and what it changed in the read
 * model's document (RFC 6902 JSON Patch between the document folded before and after it, zjsonpatch). The history
 * page and the history export both walk it here.
 */
public final class DecisionHistory {

    static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final List<String> REASONS = List.of("reason", "ground", "opinion", "explanation", "note",
            "findings");

    /** Hears each entry of the walk; answers false to stop before it (the walk then says there is more). */
    @FunctionalInterface
    public interface Sink {
        boolean accept(TrackedEventMessage<?> message, ObjectNode entry);
    }

    /** Where a walk stopped: the position of the last entry taken (null if none) and whether more follow. */
    public record Walked(Long next, boolean more) {
    }

    private final SequenceEvents sequences;
    private final DocumentMapper mapper;
    private final ObjectMapper json = new ObjectMapper();

    public DecisionHistory(SequenceEvents sequences, DocumentMapper mapper) {
        this.sequences = sequences;
        this.mapper = mapper;
    }

    /** The campaign's events and its proposals' (the sequence its documents depend on); 404 if it has none. */
    public List<TrackedEventMessage<?>> campaign(String campaignId) {
        List<TrackedEventMessage<?>> events = sequences.ofCampaign(campaignId);
        if (events.isEmpty()) {
            throw new QueryExceptions.NotFound("phong trào", campaignId);
        }
        return events;
    }

    /** The sequence of the proposal's campaign, which its document depends on; 404 if there is no such proposal. */
    public List<TrackedEventMessage<?>> proposal(String proposalId) {
        String campaignId = sequences.campaignOfProposal(proposalId)
                .orElseThrow(() -> new QueryExceptions.NotFound("đề nghị khen thưởng", proposalId));
        return sequences.ofCampaign(campaignId);
    }

    /**
     * Folds {@code events} in memory and hands {@code sink} an entry for each event after position {@code after}
     * that {@code listed} keeps, with what it changed in the document {@code collection/id}.
     */
    public Walked walk(String collection, String id, List<TrackedEventMessage<?>> events,
                       Predicate<TrackedEventMessage<?>> listed, long after, Sink sink) {
        AsOf fold = new AsOf(mapper);
        JsonNode before = null;
        Long next = null;
        for (TrackedEventMessage<?> message : events) {
            long position = message.trackingToken().position().orElseThrow();
            boolean inPage = position > after && listed.test(message);
            if (inPage && before == null) {
                before = document(fold, collection, id);
            }
            if (!inPage) {
                fold.apply(message);
                continue;
            }
            fold.apply(message);
            JsonNode now = document(fold, collection, id);
            if (!sink.accept(message, entry(message, JsonDiff.asJson(before, now)))) {
                return new Walked(next, true);
            }
            before = now;
            next = position;
        }
        return new Walked(next, false);
    }

    /** Whether the event is one of this aggregate's own. */
    public static boolean isOf(TrackedEventMessage<?> message, String aggregateId) {
        return message instanceof DomainEventMessage<?> domain && aggregateId.equals(domain.getAggregateIdentifier());
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

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}

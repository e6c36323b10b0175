package vn.thidua.projections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import vn.thidua.domain.common.EventJson;

import java.io.UncheckedIOException;

/**
 * Read-model documents ↔ BSON through Jackson: dates as ISO strings, map entries sorted by key, so one state always
 * gives the same bytes (what makes replays and redeliveries comparable byte for byte).
 */
public final class DocumentMapper {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** The events' own mapper (so plan data reads back as it was stored), with map entries sorted. */
    private final ObjectMapper json = EventJson.newMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Document toDocument(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        try {
            return json.readValue(document.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectMapper json() {
        return json;
    }
}

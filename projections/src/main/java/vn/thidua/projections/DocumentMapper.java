package vn.thidua.projections;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import vn.thidua.domain.common.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-model documents ↔ BSON through Jackson: dates as ISO strings, map entries sorted by key, so one state always
 * gives the same bytes (what makes replays and redeliveries comparable byte for byte).
 * <p>
 * A document is the value's JSON as BSON's JSON reader makes it ({@code Document.parse}): integers as Int32 when they
 * fit, else Int64; other numbers as Double; objects as Documents in the order written. It is built straight from
 * Jackson's tokens, because writing the JSON text and parsing it again was a tenth of the processor time of a
 * verification (JFR, a million events). Anything that reader would treat otherwise (a field named with {@code $},
 * which extended JSON reads as a BSON type; a number beyond Int64; binary or embedded values) takes the text path, so
 * both ways give the same bytes (DocumentMapperTest, and the demo's approved read models).
 */
public final class DocumentMapper {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** The events' own mapper (so plan data reads back as it was stored), with map entries sorted. */
    private final ObjectMapper json = EventJson.newMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Document toDocument(Object value) {
        Document document = direct(value);
        return document != null ? document : viaText(value);
    }

    /** The document made from Jackson's tokens, or null when BSON's reader would read the text otherwise. */
    Document direct(Object value) {
        try {
            TokenBuffer tokens = new TokenBuffer(json, false);
            json.writeValue(tokens, value);
            try (JsonParser parser = tokens.asParser(json)) {
                return parser.nextToken() == JsonToken.START_OBJECT ? readObject(parser) : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON text read by BSON's reader: the definition the direct way follows. */
    Document viaText(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object whose START_OBJECT was just read, or null when BSON's reader would read it otherwise. */
    private static Document readObject(JsonParser parser) throws IOException {
        Document document = new Document();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            if (name.startsWith("$")) {
                return null;
            }
            Object[] value = readValue(parser, parser.nextToken());
            if (value == null) {
                return null;
            }
            document.put(name, value[0]);
        }
        return document;
    }

    /** The value at {@code token} in a one-element box (its content may be null), or null for the text path. */
    private static Object[] readValue(JsonParser parser, JsonToken token) throws IOException {
        Object value;
        switch (token) {
            case START_OBJECT -> value = readObject(parser);
            case START_ARRAY -> value = readArray(parser);
            case VALUE_STRING -> value = parser.getText();
            case VALUE_TRUE -> value = Boolean.TRUE;
            case VALUE_FALSE -> value = Boolean.FALSE;
            case VALUE_NULL -> {
                return new Object[] {null};
            }
            case VALUE_NUMBER_INT -> value = integer(parser);
            case VALUE_NUMBER_FLOAT -> value = real(parser);
            default -> value = null;
        }
        return value == null ? null : new Object[] {value};
    }

    private static Object integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> parser.getIntValue();
            case LONG -> {
                long value = parser.getLongValue();
                yield value == (int) value ? (Object) (int) value : (Object) value;
            }
            default -> null;
        };
    }

    /**
     * A double as its text reads back; not a float or BigDecimal (they print otherwise than they convert), nor NaN or
     * an infinity (Jackson writes those as strings).
     */
    private static Object real(JsonParser parser) throws IOException {
        if (parser.getNumberType() != JsonParser.NumberType.DOUBLE) {
            return null;
        }
        double value = parser.getDoubleValue();
        return Double.isFinite(value) ? value : null;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            Object[] value = readValue(parser, token);
            if (value == null) {
                return null;
            }
            list.add(value[0]);
        }
        return list;
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

package vn.thidua.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import vn.thidua.domain.common.ActorMetadata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored events as CloudEvents 1.0 (the CNCF SDK): {@code id} the event id, {@code source} the platform's source
 * and the aggregate's family, {@code type} the catalogue's versioned type, {@code subject} the aggregate id,
 * {@code time}, {@code datacontenttype} JSON, {@code dataschema} the type's schema in the catalogue, {@code data} the
 * stored payload as it is; extensions: {@code position}, {@code aggregatetype}, {@code sequence}, {@code campaignid},
 * {@code correlationid}, {@code actorid}, {@code actorrole}, {@code actorunit} (absent when the event has none).
 * Positions and sequences are 64-bit, and a CloudEvents integer is 32-bit: they are written as decimal strings (as
 * the SSE {@code id} and the cursor headers are). Written in the structured JSON mode, one event or a batch
 * ({@code application/cloudevents-batch+json}).
 */
public final class CloudEvents {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper BATCH = new ObjectMapper()
            .registerModule(JsonFormat.getCloudEventJacksonModule())
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String source;
    private final String schemaBase;
    /** Each family's source and each type's schema, parsed once (two URIs parsed per event were 2–4% of a page). */
    private final Map<String, URI> sources = new ConcurrentHashMap<>();
    private final Map<String, URI> schemas = new ConcurrentHashMap<>();

    /**
     * @param source     the platform's CloudEvents source, e.g. {@code /thidua} or {@code https://thidua.example.vn}
     * @param publicUrl  where clients reach this service: schemas are served under it
     */
    public CloudEvents(String source, String publicUrl) {
        this.source = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        this.schemaBase = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + "/api/events/types/";
    }

    public CloudEvent of(StoredEvent event) {
        var type = EventCatalogue.ofStoredType(event.payloadType());
        String family = type.map(EventCatalogue.EventType::family).orElse("unknown");
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(sources.computeIfAbsent(family, f -> URI.create(source + "/" + f)))
                .withType(type.map(EventCatalogue.EventType::cloudEventType)
                        .orElse("vn.thidua.unknown." + event.name() + ".v" + event.revision()))
                .withTime(event.timestamp().atOffset(ZoneOffset.UTC))
                .withData("application/json", BytesCloudEventData.wrap(event.data()))
                .withExtension("position", Long.toString(event.position()));
        type.ifPresent(t -> builder.withDataSchema(dataSchema(t)));
        if (event.aggregateId() != null) {
            builder.withSubject(event.aggregateId())
                    .withExtension("aggregatetype", event.aggregateType())
                    .withExtension("sequence", Long.toString(event.sequence()));
        }
        extension(builder, "campaignid", event.campaignId());
        extension(builder, "correlationid", event.meta(ActorMetadata.CORRELATION_ID));
        extension(builder, "actorid", event.meta(ActorMetadata.ACTOR_ID));
        extension(builder, "actorrole", event.meta(ActorMetadata.ACTOR_ROLE));
        extension(builder, "actorunit", event.meta(ActorMetadata.ACTOR_UNIT));
        return builder.build();
    }

    /** Where a type's JSON Schema is served: its events' {@code dataschema}. */
    public URI dataSchema(EventCatalogue.EventType type) {
        return schemas.computeIfAbsent(type.cloudEventType(), t -> URI.create(schemaBase + t + "/schema"));
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    /** One event, structured mode ({@code application/cloudevents+json}). */
    public byte[] structured(StoredEvent event) {
        return FORMAT.serialize(of(event));
    }

    /** A batch ({@code application/cloudevents-batch+json}): a JSON array of structured events. */
    public void writeBatch(List<StoredEvent> events, OutputStream out) {
        try {
            BATCH.writeValue(out, events.stream().map(this::of).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.thidua.query.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.service.security.Allowed;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.INTEGRATION;

/**
 * The integration feed: every stored event as a CloudEvent, in the order of the event store, from a cursor (the
 * global position; {@code after} is exclusive), an instant ({@code since}) or the beginning; and the catalogue of
 * event types with the JSON Schema of each one's data. Integration services and administrators.
 */
@RestController
@Allowed({INTEGRATION, ADMIN})
public class FeedController {

    /** The response header carrying the cursor to read after next. */
    public static final String NEXT = "Thidua-Next-After";
    /** The response header carrying the store's newest position when the page was read. */
    public static final String HEAD = "Thidua-Head";

    private final EventFeed feed;
    private final CloudEvents cloudEvents;
    private final FeedProperties properties;

    public FeedController(EventFeed feed, CloudEvents cloudEvents, FeedProperties properties) {
        this.feed = feed;
        this.cloudEvents = cloudEvents;
        this.properties = properties;
    }

    /**
     * A page of events as a CloudEvents batch ({@code application/cloudevents-batch+json}); the cursor for the next
     * page is in {@value #NEXT} and the {@code Link rel="next"} header. It moves past events the filter left out, so
     * an empty page with a higher cursor is normal. Nothing is handed out above the high-water mark ({@link Gaps}).
     */
    @GetMapping("/api/events")
    public void page(@RequestParam(required = false) String after,
                     @RequestParam(required = false) String since,
                     @RequestParam(required = false) List<String> types,
                     @RequestParam(required = false) String campaignId,
                     @RequestParam(required = false) String aggregateId,
                     @RequestParam(required = false) Integer limit,
                     HttpServletRequest request, HttpServletResponse response) throws IOException {
        FeedFilter filter = FeedRequests.filter(types, campaignId, aggregateId);
        int size = FeedRequests.limit(limit, properties.maxPage());
        long cursor = FeedRequests.cursor(feed.log(), after, since);
        EventFeed.Page page = feed.read(cursor, filter, size);
        String next = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("since").replaceQueryParam("after", page.next()).build().toUriString();
        response.setStatus(200);
        response.setContentType(CloudEvents.BATCH_CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(NEXT, Long.toString(page.next()));
        response.setHeader(HEAD, Long.toString(page.head()));
        response.setHeader("Link", "<" + next + ">; rel=\"next\"");
        response.setHeader("Cache-Control", "no-store");
        response.setBufferSize(64 * 1024); // a page of 1,000 is about 1 MB: written in 16 pieces, not 128
        cloudEvents.writeBatch(page.events(), response.getOutputStream());
    }

    /**
     * Every event type: CloudEvents type, name, revision, aggregate, descriptions, and where its schema is; the
     * {@code Link} header points at the API's description and Swagger UI (RFC 8631).
     */
    @GetMapping("/api/events/types")
    public List<Map<String, Object>> types(HttpServletResponse response) {
        response.setHeader("Link", "</v3/api-docs>; rel=\"service-desc\", </swagger-ui.html>; rel=\"service-doc\"");
        return EventCatalogue.all().stream().map(type -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", type.cloudEventType());
            entry.put("name", type.name());
            entry.put("revision", type.revision());
            entry.put("aggregateType", type.aggregateType());
            entry.put("description", Map.of("vi", type.vi(), "en", type.en()));
            entry.put("dataschema", cloudEvents.dataSchema(type).toString());
            return entry;
        }).toList();
    }

    /** The JSON Schema of one type's data (the {@code dataschema} of its events). */
    @GetMapping("/api/events/types/{type}/schema")
    public ResponseEntity<ObjectNode> schema(@PathVariable String type) {
        EventCatalogue.EventType found = EventCatalogue.named(QueryParameters.text("type", type))
                .orElseThrow(() -> new QueryExceptions.NotFound("loại sự kiện", type));
        ObjectNode schema = EventCatalogue.schema(found);
        schema.put("$id", cloudEvents.dataSchema(found).toString());
        schema.put("title", found.cloudEventType());
        schema.put("description", found.en() + " / " + found.vi());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json"))
                .body(schema);
    }
}

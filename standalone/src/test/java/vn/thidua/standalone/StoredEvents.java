package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The event table read directly with JDBC: what the tests compare the feed with, independent of Axon's readers. */
final class StoredEvents {

    record Row(long position, String eventId, String payloadType, String aggregateId, String aggregateType,
               long sequence, JsonNode payload, JsonNode metaData, java.time.Instant timestamp, String revision) {

        String name() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    static List<Row> all(DataSource events) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = events.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT GLOBAL_INDEX, EVENT_IDENTIFIER, PAYLOAD_TYPE, AGGREGATE_IDENTIFIER, TYPE, SEQUENCE_NUMBER,"
                        + " PAYLOAD, META_DATA, TIME_STAMP, PAYLOAD_REVISION FROM DOMAIN_EVENT_ENTRY"
                        + " ORDER BY GLOBAL_INDEX")) {
            while (r.next()) {
                rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getLong(6), JSON.readTree(r.getBytes(7)), JSON.readTree(r.getBytes(8)),
                        java.time.Instant.parse(r.getString(9)), r.getString(10)));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The campaign an event belongs to, as the feed's filter reads it. */
    static String campaignOf(Row row) {
        String fromMeta = row.metaData().path("campaignId").asText("");
        if (!fromMeta.isEmpty()) {
            return fromMeta;
        }
        return "Campaign".equals(row.aggregateType()) ? row.aggregateId() : null;
    }
}

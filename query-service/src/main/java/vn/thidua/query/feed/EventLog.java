package vn.thidua.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import vn.thidua.ledger.CanonicalEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The event store read by global position: the embedded store's table, through Axon's upcasters and message types
 * (a read of what is stored now), or any streamable source through Axon's API, such as Axon Server's event store
 * (whose positions start at 0 and have no gaps). The feed, the live stream and the webhooks all read here.
 */
public interface EventLog {

    /** Up to {@code max} stored events with a position above {@code after}, in position order. */
    List<StoredEvent> readAfter(long after, int max);

    /** A stored event as the store holds it, before any upcaster: what the audit ledger's leaf hashes cover. */
    record StoredForm(long position, CanonicalEvent event) {
    }

    /**
     * Up to {@code max} stored events with a position above {@code after}, in position order, in the form the store
     * holds them ({@link StoredForm}).
     */
    List<StoredForm> readStoredFormsAfter(long after, int max);

    /**
     * The stored forms of the events at {@code positions} (ascending), in that order; a position with no event is left
     * out. Read a run of consecutive positions at a time.
     */
    default List<StoredForm> readStoredFormsAt(List<Long> positions) {
        List<StoredForm> read = new ArrayList<>(positions.size());
        int i = 0;
        while (i < positions.size()) {
            int run = 1;
            while (i + run < positions.size() && positions.get(i + run) == positions.get(i) + run) {
                run++;
            }
            long first = positions.get(i);
            long last = positions.get(i + run - 1);
            for (StoredForm form : readStoredFormsAfter(first - 1, run)) {
                if (form.position() <= last) {
                    read.add(form);
                }
            }
            i += run;
        }
        return read;
    }

    /** A stored event both ways: as stored (what the ledger hashes) and as the processors receive it. */
    record Verifiable(StoredForm stored, TrackedEventMessage<?> message) {
    }

    /** Up to {@code max} stored events after {@code after}, in position order, both ways ({@link Verifiable}). */
    List<Verifiable> readVerifiableAfter(long after, int max);

    /** Where heads and instants are asked: the event store. */
    StreamableMessageSource<TrackedEventMessage<?>> store();

    /** The position of the newest stored event; {@link #beginning()} when there is none. */
    default long head() {
        TrackingToken head = store().createHeadToken();
        return head == null ? beginning() : head.position().orElse(beginning());
    }

    /** The cursor whose next event is the first stored at or after {@code instant}. */
    default long cursorAt(Instant instant) {
        TrackingToken token = store().createTokenAt(instant);
        return token == null ? beginning() : token.position().orElse(beginning());
    }

    /** The position the store gives its first event: positions below it are not gaps. */
    long firstPosition();

    /** The cursor before every event. */
    default long beginning() {
        return firstPosition() - 1;
    }

    /**
     * The embedded store read the way Axon's JDBC engine reads it: one plain query per batch on the JPA engine's own
     * table ({@code domain_event_entry}), each row made into Axon's event data and passed through Axon's upcasters
     * and message types ({@link EventUtils#upcastAndDeserializeTrackedEvents}), so the feed hands out exactly what
     * Axon's storage engine would (compared, event by event, in {@code IntegrationFeedTest}). It differs in cost only: the profile of a feed page read through the JPA engine had 46% of
     * the request in the read, a quarter of it Hibernate's query and row reading and another quarter the stored
     * timestamp parsed twice per event (Axon's JPA entries keep it as text and parse it at each look); here a row is
     * read once and its timestamp parsed once ({@link StoredTimestamps}). Events above the last position known to be on the disk are made
     * durable first ({@code ensure}, the read side's {@code DurableReads}).
     */
    final class Table implements EventLog {

        private static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier,"
                + " sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data";
        private static final String AFTER = "global_index > ? ORDER BY global_index LIMIT ?";

        private final DataSource dataSource;
        private final LongConsumer ensureDurable;
        private final StreamableMessageSource<TrackedEventMessage<?>> store;
        private final Serializer serializer;
        private final EventUpcaster upcasters;

        public Table(DataSource dataSource, LongConsumer ensureDurable,
                     StreamableMessageSource<TrackedEventMessage<?>> store, Serializer serializer,
                     EventUpcaster upcasters) {
            this.dataSource = dataSource;
            this.ensureDurable = ensureDurable;
            this.store = store;
            this.serializer = serializer;
            this.upcasters = upcasters;
        }

        @Override
        public List<StoredEvent> readAfter(long after, int max) {
            return messages(rows(after, max)).stream().map(e -> StoredEvent.of(e, serializer)).toList();
        }

        /**
         * The rows as stored: no upcaster runs and nothing is deserialized, so a leaf hash taken today is the one
         * taken when the event was new, whatever upcasters are added since.
         */
        @Override
        public List<StoredForm> readStoredFormsAfter(long after, int max) {
            return rows(after, max).stream().map(Table::form).toList();
        }

        @Override
        public List<Verifiable> readVerifiableAfter(long after, int max) {
            List<TrackedDomainEventData<byte[]>> rows = rows(after, max);
            List<TrackedEventMessage<?>> messages = messages(rows);
            List<Verifiable> read = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                read.add(new Verifiable(form(rows.get(i)), messages.get(i)));
            }
            return read;
        }

        private List<TrackedDomainEventData<byte[]>> rows(long after, int max) {
            List<TrackedDomainEventData<byte[]>> rows = select(dataSource, AFTER, List.of(after, max));
            if (!rows.isEmpty()) {
                ensureDurable.accept(rows.get(rows.size() - 1).trackingToken().position().orElseThrow());
            }
            return rows;
        }

        /**
         * The event table's rows that meet {@code condition} (SQL after {@code WHERE}, with {@code ?} for each of
         * {@code parameters}), each as Axon's event data with its timestamp parsed once: the one reader of the
         * embedded store's rows, for the feed, the ledger and the histories.
         */
        public static List<TrackedDomainEventData<byte[]>> select(DataSource dataSource, String condition,
                                                                  List<?> parameters) {
            List<TrackedDomainEventData<byte[]>> rows = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                         + " FROM domain_event_entry WHERE " + condition)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)),
                                new Row(row)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading the event store (" + condition + "): " + e.getMessage(), e);
            }
            return rows;
        }

        private List<TrackedEventMessage<?>> messages(List<TrackedDomainEventData<byte[]>> rows) {
            if (rows.isEmpty()) {
                return List.of();
            }
            return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                    .collect(java.util.stream.Collectors.toList());
        }

        private static StoredForm form(TrackedDomainEventData<byte[]> row) {
            return new StoredForm(row.trackingToken().position().orElseThrow(), new CanonicalEvent(
                    row.getEventIdentifier(), row.getPayload().getType().getName(),
                    row.getPayload().getType().getRevision(), row.getType(), row.getAggregateIdentifier(),
                    row.getSequenceNumber(), row.getTimestamp(), row.getMetaData().getData(),
                    row.getPayload().getData()));
        }

        @Override
        public StreamableMessageSource<TrackedEventMessage<?>> store() {
            return store;
        }

        @Override
        public long firstPosition() {
            return 1;
        }

        /** One stored event as Axon's event data, its timestamp parsed once. */
        private static final class Row implements DomainEventData<byte[]> {

            private final String eventId;
            private final String type;
            private final String aggregateId;
            private final long sequence;
            private final Instant timestamp;
            private final SerializedObject<byte[]> payload;
            private final SerializedMetaData<byte[]> metaData;

            Row(ResultSet row) throws SQLException {
                eventId = row.getString(2);
                type = row.getString(3);
                aggregateId = row.getString(4);
                sequence = row.getLong(5);
                timestamp = StoredTimestamps.parse(row.getString(6)); // once, as Axon would read it
                payload = new SimpleSerializedObject<>(row.getBytes(9), byte[].class, row.getString(7),
                        row.getString(8));
                metaData = new SerializedMetaData<>(row.getBytes(10), byte[].class);
            }

            @Override
            public String getType() {
                return type;
            }

            @Override
            public String getAggregateIdentifier() {
                return aggregateId;
            }

            @Override
            public long getSequenceNumber() {
                return sequence;
            }

            @Override
            public String getEventIdentifier() {
                return eventId;
            }

            @Override
            public Instant getTimestamp() {
                return timestamp;
            }

            @Override
            public SerializedObject<byte[]> getMetaData() {
                return metaData;
            }

            @Override
            public SerializedObject<byte[]> getPayload() {
                return payload;
            }
        }
    }

    /**
     * Any other store, Axon Server's in the {@code axonserver} profile: a stream opened at the cursor and read while
     * events keep coming within {@code wait} of each other, then closed.
     */
    final class Streamed implements EventLog {

        private final StreamableMessageSource<TrackedEventMessage<?>> store;
        private final Serializer serializer;
        private final long waitMillis;

        public Streamed(StreamableMessageSource<TrackedEventMessage<?>> store, Serializer serializer,
                        long waitMillis) {
            this.store = store;
            this.serializer = serializer;
            this.waitMillis = waitMillis;
        }

        @Override
        public List<StoredEvent> readAfter(long after, int max) {
            return messagesAfter(after, max).stream().map(m -> StoredEvent.of(m, serializer)).toList();
        }

        /**
         * Axon Server streams events through the upcasters in force and has no read of the stored bytes: the form is
         * the event as streamed (the stored one unless an upcaster rewrites it; README, "For auditors").
         */
        @Override
        public List<StoredForm> readStoredFormsAfter(long after, int max) {
            return readAfter(after, max).stream().map(Streamed::form).toList();
        }

        @Override
        public List<Verifiable> readVerifiableAfter(long after, int max) {
            return messagesAfter(after, max).stream()
                    .map(m -> new Verifiable(form(StoredEvent.of(m, serializer)), m)).toList();
        }

        /** The stream opened at the cursor, read while events keep coming within the wait. */
        private List<TrackedEventMessage<?>> messagesAfter(long after, int max) {
            List<TrackedEventMessage<?>> read = new ArrayList<>();
            TrackingToken token = after < firstPosition() ? null : new GlobalSequenceTrackingToken(after);
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token)) {
                while (read.size() < max && stream.hasNextAvailable((int) waitMillis, TimeUnit.MILLISECONDS)) {
                    read.add(stream.nextAvailable());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return read;
        }

        private static StoredForm form(StoredEvent e) {
            return new StoredForm(e.position(), new CanonicalEvent(e.eventId(), e.payloadType(), e.revision(),
                    e.aggregateType(), e.aggregateId(), e.aggregateId() == null ? null : e.sequence(), e.timestamp(),
                    metaDataJson(e), e.data()));
        }

        private static byte[] metaDataJson(StoredEvent event) {
            try {
                return METADATA_JSON.writeValueAsBytes(event.metaData());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("metadata of " + event.eventId() + ": " + e.getMessage(), e);
            }
        }

        private static final ObjectMapper METADATA_JSON = new ObjectMapper();

        @Override
        public StreamableMessageSource<TrackedEventMessage<?>> store() {
            return store;
        }

        @Override
        public long firstPosition() {
            return 0;
        }
    }
}

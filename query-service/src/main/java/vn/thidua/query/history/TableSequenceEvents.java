package vn.thidua.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.proposal.ProposalSubmitted;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The embedded store's sequences: rows read by aggregate through the event table's (aggregate, sequence) index, the
 * campaign's first (its {@code ProposalAdmitted} rows name its proposals), then its proposals' in chunks, merged by
 * position and passed through Axon's upcasters and message types once.
 */
public final class TableSequenceEvents implements SequenceEvents {

    private static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier,"
            + " sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data";
    private static final int CHUNK = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final LongConsumer ensureDurable;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public TableSequenceEvents(DataSource dataSource, LongConsumer ensureDurable, Serializer serializer,
                               EventUpcaster upcasters) {
        this.dataSource = dataSource;
        this.ensureDurable = ensureDurable;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @Override
    public List<TrackedEventMessage<?>> ofCampaign(String campaignId) {
        List<TrackedEventData<?>> rows = new ArrayList<>(rows(List.of(campaignId)));
        Set<String> proposals = new LinkedHashSet<>();
        for (TrackedEventData<?> row : rows) {
            if (ProposalAdmitted.class.getName().equals(row.getPayload().getType().getName())) {
                proposals.add(field((byte[]) row.getPayload().getData(), "proposalId"));
            }
        }
        List<String> ids = new ArrayList<>(proposals);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            rows.addAll(rows(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        rows.sort(Comparator.comparingLong(r -> r.trackingToken().position().orElseThrow()));
        if (rows.isEmpty()) {
            return List.of();
        }
        ensureDurable.accept(rows.get(rows.size() - 1).trackingToken().position().orElseThrow());
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                .collect(Collectors.toList());
    }

    @Override
    public Optional<String> campaignOfProposal(String proposalId) {
        for (TrackedEventData<?> row : rows(List.of(proposalId))) {
            if (ProposalSubmitted.class.getName().equals(row.getPayload().getType().getName())) {
                return Optional.ofNullable(field((byte[]) row.getPayload().getData(), "campaignId"));
            }
        }
        return Optional.empty();
    }

    private List<TrackedEventData<?>> rows(List<String> aggregateIds) {
        String marks = aggregateIds.stream().map(id -> "?").collect(Collectors.joining(","));
        List<TrackedEventData<?>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM domain_event_entry WHERE aggregate_identifier IN (" + marks + ")")) {
            for (int i = 0; i < aggregateIds.size(); i++) {
                select.setString(i + 1, aggregateIds.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)),
                            new GenericDomainEventEntry<>(row.getString(3), row.getString(4), row.getLong(5),
                                    row.getString(2), row.getString(6), row.getString(7), row.getString(8),
                                    row.getBytes(9), row.getBytes(10))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the events of " + aggregateIds.size() + " aggregates: "
                    + e.getMessage(), e);
        }
        return rows;
    }

    private static String field(byte[] json, String name) {
        try {
            JsonNode value = JSON.readTree(json).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException e) {
            throw new IllegalStateException("a stored payload is not JSON: " + e.getMessage(), e);
        }
    }
}

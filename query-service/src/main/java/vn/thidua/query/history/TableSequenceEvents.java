package vn.thidua.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.proposal.ProposalSubmitted;
import vn.thidua.query.feed.EventLog;

import javax.sql.DataSource;
import java.io.IOException;
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
        List<TrackedDomainEventData<byte[]>> rows = new ArrayList<>(rows(List.of(campaignId)));
        Set<String> proposals = new LinkedHashSet<>();
        for (TrackedDomainEventData<byte[]> row : rows) {
            if (ProposalAdmitted.class.getName().equals(row.getPayload().getType().getName())) {
                proposals.add(field(row.getPayload().getData(), "proposalId"));
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
        for (TrackedDomainEventData<byte[]> row : rows(List.of(proposalId))) {
            if (ProposalSubmitted.class.getName().equals(row.getPayload().getType().getName())) {
                return Optional.ofNullable(field(row.getPayload().getData(), "campaignId"));
            }
        }
        return Optional.empty();
    }

    private List<TrackedDomainEventData<byte[]>> rows(List<String> aggregateIds) {
        String marks = aggregateIds.stream().map(id -> "?").collect(Collectors.joining(","));
        return EventLog.Table.select(dataSource, "aggregate_identifier IN (" + marks + ")", aggregateIds);
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

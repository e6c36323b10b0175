package vn.thidua.projections.campaigns;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.thidua.domain.proposal.value.ProposalStatus;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's proposals by their current status. Stored as a JSON object from status name to count (statuses with
 * no proposal left out), the form dashboards read.
 */
public final class ProposalCounts {

    private final TreeMap<String, Integer> byStatus = new TreeMap<>();

    public ProposalCounts() {
    }

    @JsonCreator
    ProposalCounts(Map<String, Integer> stored) {
        byStatus.putAll(stored);
    }

    /** A new proposal counts as submitted. */
    public void submitted() {
        byStatus.merge(ProposalStatus.SUBMITTED.name(), 1, Integer::sum);
    }

    /** One proposal moved from one status to another. */
    public void moved(ProposalStatus from, ProposalStatus to) {
        byStatus.merge(from.name(), -1, Integer::sum);
        byStatus.remove(from.name(), 0);
        byStatus.merge(to.name(), 1, Integer::sum);
    }

    public int of(ProposalStatus status) {
        return byStatus.getOrDefault(status.name(), 0);
    }

    @JsonValue
    public Map<String, Integer> asMap() {
        return Collections.unmodifiableMap(byStatus);
    }
}

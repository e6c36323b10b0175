package vn.thidua.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.testing.ApprovedEvents;
import vn.thidua.domain.upcasting.RevisionUpcaster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path the first schema change takes, walked with a made-up older revision: had {@link ProposalRejected} once
 * been stored as revision "0" with its reason under "grounds", one {@link RevisionUpcaster} would read those events
 * as today's. Other types and revisions pass the upcaster untouched.
 */
class UpcasterPathTest {

    static final class GroundsBecameReason extends RevisionUpcaster {
        GroundsBecameReason() {
            super(ProposalRejected.class, "0", "1");
        }

        @Override
        protected ObjectNode upcast(ObjectNode event) {
            event.set("reason", event.remove("grounds"));
            return event;
        }
    }

    private static Object readThrough(RevisionUpcaster upcaster, String revision, String json) {
        var entry = new GenericDomainEventEntry<>("AwardProposal", "pb", 3, "event-id", Instant.EPOCH,
                ProposalRejected.class.getName(), revision, json, "{}");
        var upcast = new EventUpcasterChain(upcaster)
                .upcast(Stream.of(new InitialEventRepresentation(entry, ApprovedEvents.SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("1");
        return ApprovedEvents.SERIALIZER.deserialize(upcast.get(0).getData(String.class));
    }

    @Test
    void anOlderRevisionReadsAsTheCurrentEvent() throws IOException {
        String old;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/ProposalRejected-0.json")) {
            old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Object current = ApprovedEvents.read(ProposalRejected.class, "1",
                ApprovedEvents.fixture(ProposalRejected.class, "1"));

        assertThat(readThrough(new GroundsBecameReason(), "0", old)).isEqualTo(current);
    }

    @Test
    void theCurrentRevisionPassesTheUpcasterUntouched() {
        String current = ApprovedEvents.fixture(ProposalRejected.class, "1");

        assertThat(readThrough(new GroundsBecameReason(), "1", current))
                .isEqualTo(ApprovedEvents.read(ProposalRejected.class, "1", current));
    }
}

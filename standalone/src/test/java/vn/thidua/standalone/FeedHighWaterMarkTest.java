package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.domain.testing.Waiting;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never skip, never reorder: two transactions that took positions h+1 and h+2 commit in the opposite order (written
 * here with plain JDBC, as a writer that bypasses the command side's commit ordering would); the feed hands out
 * nothing above h until h+1 is committed, then both in order. A position whose transaction rolls back holds the feed
 * back for the gap timeout (2 s here), then the feed passes it.
 */
class FeedHighWaterMarkTest {

    @TempDir
    Path data;

    @Test
    void positionsCommittedOutOfOrderAreHandedOutInOrderAndARolledBackOneIsPassedAfterTheGapTimeout()
            throws Exception {
        try (Standalone platform = ReadModelSnapshots.start(data, "--thidua.feed.gap-timeout=2s")) {
            Api api = new Api(platform.commandPort());
            assertThat(api.post("organizer", "/api/campaigns", Map.of("plan", TestPlans.plan("7/KH-HWM", 2, 3)))
                    .status()).isEqualTo(201);
            DataSource events = platform.command().getBean(DataSource.class);
            long h = StoredEvents.all(events).stream().mapToLong(StoredEvents.Row::position).max().orElseThrow();
            FeedClient feed = new FeedClient(platform.queryPort());
            assertThat(feed.get("integration", "/api/events?after=" + (h - 1)).body()).hasSize(1);

            try (Connection first = events.getConnection(); Connection second = events.getConnection()) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                String a = insert(first, h + 1);
                String b = insert(second, h + 2);
                second.commit(); // h+2 is visible, h+1 is not yet
                long until = System.currentTimeMillis() + 1_000;
                while (System.currentTimeMillis() < until) {
                    FeedClient.Page page = feed.get("integration", "/api/events?after=" + h);
                    assertThat(page.body()).as("nothing above a position still in flight").isEmpty();
                    assertThat(page.next()).isEqualTo(h);
                    Waiting.sleep(50);
                }
                first.commit();
                FeedClient.Page page = feed.get("integration", "/api/events?after=" + h);
                assertThat(page.body()).extracting(e -> e.get("id").asText()).containsExactly(a, b);
                assertThat(page.next()).isEqualTo(h + 2);
            }

            try (Connection rolledBack = events.getConnection(); Connection committed = events.getConnection()) {
                rolledBack.setAutoCommit(false);
                committed.setAutoCommit(false);
                insert(rolledBack, h + 3);
                String d = insert(committed, h + 4);
                committed.commit();
                rolledBack.rollback();
                long seen = System.currentTimeMillis();
                JsonNode handedOut = null;
                while (handedOut == null) {
                    FeedClient.Page page = feed.get("integration", "/api/events?after=" + (h + 2));
                    if (!page.body().isEmpty()) {
                        handedOut = page.body().get(0);
                    } else {
                        assertThat(System.currentTimeMillis() - seen).as("passed after the gap timeout")
                                .isLessThan(10_000);
                        Waiting.sleep(50);
                    }
                }
                assertThat(System.currentTimeMillis() - seen).as("held back for the gap timeout")
                        .isGreaterThanOrEqualTo(1_900);
                assertThat(handedOut.get("id").asText()).isEqualTo(d);
                assertThat(handedOut.get("position").asText()).isEqualTo(Long.toString(h + 4));
            }
            List<JsonNode> all = feed.all(-1, "", 100);
            assertThat(all).extracting(e -> e.get("position").asLong()).isSorted().doesNotHaveDuplicates()
                    .contains(h + 1, h + 2, h + 4).doesNotContain(h + 3);
        }
    }

    /** A plan registration of a new aggregate at {@code position}, in the connection's open transaction. */
    private static String insert(Connection connection, long position) throws Exception {
        String id = UUID.randomUUID().toString();
        String registration = "hwm-" + position;
        String payload = "{\"registrationId\":\"" + registration + "\",\"issuer\":\"UBND tỉnh\","
                + "\"documentNumber\":\"" + position + "/KH-HWM\",\"campaignId\":\"c-" + position + "\"}";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DOMAIN_EVENT_ENTRY (GLOBAL_INDEX, "
                + "EVENT_IDENTIFIER, META_DATA, PAYLOAD, PAYLOAD_REVISION, PAYLOAD_TYPE, TIME_STAMP, "
                + "AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER, TYPE) VALUES (?, ?, ?, ?, '1', ?, ?, ?, 0, "
                + "'PlanRegistration')")) {
            insert.setLong(1, position);
            insert.setString(2, id);
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, "vn.thidua.domain.plan.PlanRegistered");
            insert.setString(6, Instant.now().toString());
            insert.setString(7, registration);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return id;
    }
}

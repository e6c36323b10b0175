package vn.thidua.command;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thidua.command.axon.AggregateCaching;
import vn.thidua.command.axon.RefusalDetails;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.Role;
import vn.thidua.domain.testing.Plans;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.service.axon.QuietAxon;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshots and caches as the application configures them ({@link AggregateCaching}): a campaign that passes the
 * snapshot threshold gets a snapshot of the current revision; a node with a cold cache loads it and is right about
 * every unit, before and after the snapshot; an outdated snapshot (another revision) is ignored and the campaign is
 * rebuilt from its events.
 */
class SnapshotTest {

    private final String db = "jdbc:h2:mem:snapshots-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private ConfigurableApplicationContext node() {
        QuietAxon.apply();
        ConfigurableApplicationContext node = CommandServiceApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + db, "--jobrunr.background-job-server.enabled=false");
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private static MetaData organizer() {
        return ActorMetadata.of("organizer", Role.ORGANIZER, null, UUID.randomUUID().toString(), null);
    }

    private static void register(CommandGateway gateway, String campaign, String unit) {
        gateway.sendAndWait(new RegisterParticipant(campaign, unit, "Đơn vị " + unit, null), organizer());
    }

    private static void refusedAsRegistered(CommandGateway gateway, String campaign, String unit) {
        assertThatThrownBy(() -> register(gateway, campaign, unit)).isInstanceOfSatisfying(
                CommandExecutionException.class, e -> assertThat(e.getDetails()).hasValueSatisfying(
                        d -> assertThat(((RefusalDetails) d).code()).isEqualTo(Refusal.ALREADY_REGISTERED.code())));
    }

    /** The campaign's snapshots: revision of each, newest first. */
    private static List<String> snapshotRevisions(ConfigurableApplicationContext node, String campaign)
            throws Exception {
        try (Connection c = node.getBean(DataSource.class).getConnection();
             PreparedStatement q = c.prepareStatement("SELECT payload_revision FROM snapshot_event_entry"
                     + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC")) {
            q.setString(1, campaign);
            List<String> revisions = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    revisions.add(r.getString(1));
                }
            }
            return revisions;
        }
    }

    @Test
    void aColdNodeLoadsTheSnapshotAndAnOutdatedOneIsRebuiltFromEvents() throws Exception {
        ConfigurableApplicationContext first = node();
        CommandGateway gateway = first.getBean(CommandGateway.class);
        String campaign = UUID.randomUUID().toString();
        gateway.sendAndWait(new LaunchCampaign(campaign, Plans.aroundToday("SN/KH-UBND", 2, 2)), organizer());
        int units = AggregateCaching.SNAPSHOT_EVERY + 20;
        for (int u = 0; u < units; u++) {
            register(gateway, campaign, "u-" + u);
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (snapshotRevisions(first, campaign).isEmpty() && Instant.now().isBefore(until)) {
            Waiting.sleep(50);
        }
        assertThat(snapshotRevisions(first, campaign)).as("snapshot taken, of the current revision")
                .isNotEmpty().allMatch("1"::equals);

        // a node with a cold cache: the snapshot and the events after it make the same campaign
        CommandGateway cold = node().getBean(CommandGateway.class);
        refusedAsRegistered(cold, campaign, "u-0");
        refusedAsRegistered(cold, campaign, "u-" + (units - 1));
        register(cold, campaign, "late-1");

        // an outdated snapshot (revision 0, a form this version cannot read) is ignored on the next cold load
        try (Connection c = first.getBean(DataSource.class).getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE snapshot_event_entry SET payload_revision = '0',"
                     + " payload = ? WHERE aggregate_identifier = ?")) {
            update.setBytes(1, "{\"no longer\":\"readable\"}".getBytes());
            update.setString(2, campaign);
            assertThat(update.executeUpdate()).isPositive();
        }
        CommandGateway rebuilt = node().getBean(CommandGateway.class);
        refusedAsRegistered(rebuilt, campaign, "u-0");
        refusedAsRegistered(rebuilt, campaign, "late-1");
        register(rebuilt, campaign, "late-2");
    }
}

package vn.thidua.command;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thidua.service.axon.QuietAxon;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start on an existing event store leaves its unique constraints alone: Hibernate's default schema update dropped
 * and recreated each of them at every start (a full index build over the event table, and, while it ran, no guard
 * against two events with the same aggregate and sequence number).
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaUpdateTest {

    private final String db = "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private ConfigurableApplicationContext start() {
        QuietAxon.apply();
        ConfigurableApplicationContext node = CommandServiceApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + db, "--jobrunr.background-job-server.enabled=false",
                "--logging.level.org.hibernate.SQL=DEBUG");
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aSecondStartNeitherDropsNorRebuildsAUniqueConstraint(CapturedOutput output) throws Exception {
        start().close();
        assertThat(output.getOut()).containsIgnoringCase("create table domain_event_entry");
        int before = output.getOut().length();

        ConfigurableApplicationContext node = start();

        String second = output.getOut().substring(before);
        assertThat(second).doesNotContainIgnoringCase("drop constraint");
        assertThat(second).doesNotContainIgnoringCase("create table");
        try (Connection c = node.getBean(DataSource.class).getConnection()) {
            assertThat(uniqueConstraints(c, "DOMAIN_EVENT_ENTRY")).contains("AGGREGATE_IDENTIFIER,SEQUENCE_NUMBER");
            insertEvent(c, "e-1", "c-1", 0);
            assertThatThrownBy(() -> insertEvent(c, "e-2", "c-1", 0)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Unique index or primary key violation");
        }
    }

    /** The columns of each unique constraint of a table, comma-separated in their order. */
    private static List<String> uniqueConstraints(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT tc.CONSTRAINT_NAME,"
                + " LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION)"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME"
                + " WHERE tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'UNIQUE' GROUP BY tc.CONSTRAINT_NAME")) {
            q.setString(1, table);
            List<String> constraints = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    constraints.add(r.getString(2));
                }
            }
            return constraints;
        }
    }

    private static void insertEvent(Connection c, String eventId, String aggregate, long sequence)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, type, payload_type, payload, time_stamp) VALUES ("
                    + "(SELECT COALESCE(MAX(global_index), 0) + 1 FROM domain_event_entry), '" + eventId + "', '"
                    + aggregate + "', " + sequence + ", 'Campaign', 'x', X'00', '2026-01-01T00:00:00Z')");
        }
    }
}

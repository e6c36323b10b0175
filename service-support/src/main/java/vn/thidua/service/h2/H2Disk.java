package vn.thidua.service.h2;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Puts every commit of an embedded H2 database on the device: what {@code CHECKPOINT SYNC} promises, without its gap.
 * <p>
 * H2's background writer commits the store every {@code WRITE_DELAY} ms and hands the pages of that version to its
 * serialization threads, which write them a little later (longer on a busy machine). {@code CHECKPOINT SYNC} writes
 * the changes that are not yet part of any version and forces the file; when the background writer has just taken
 * them, there are none, and the file is forced <i>before</i> the version in flight is written. A commit acknowledged
 * after that force, or an event read after it, could then be lost by a {@code kill -9} (seen: read models counting
 * registrations the event store no longer had after the restart). Here the force waits for the writer's threads to
 * finish what they hold ({@link MVStore#executeFilestoreOperation}, H2's own way to run an operation on a quiet
 * file) and forces the file inside it.
 */
public final class H2Disk {

    private H2Disk() {
    }

    /** Returns once every transaction committed before this call is written to the file and the file forced. */
    public static void force(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            force(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not force the H2 store to disk", e);
        }
    }

    /** As {@link #force(DataSource)}, through a connection to the database. */
    public static void force(Connection connection) throws SQLException {
        force(store(connection));
    }

    /** As {@link #force(DataSource)}, for a store opened directly. */
    public static void force(MVStore store) {
        store.commit(); // changes not yet in a version: written before it returns
        forceCommitted(store);
    }

    /**
     * Forces the versions the store has committed, waiting for those its writer threads are still writing, and
     * commits nothing itself (for a store whose owner decides when it commits).
     */
    public static void forceCommitted(MVStore store) {
        store.executeFilestoreOperation(store::sync);
    }

    /** The store of an embedded H2 database (MVStore mode), reached through a connection to it. */
    public static MVStore store(Connection connection) throws SQLException {
        JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
        if (!(h2.getSession() instanceof SessionLocal session)) {
            throw new IllegalStateException("Not an embedded H2 database: " + connection.getMetaData().getURL());
        }
        return session.getDatabase().getStore().getMvStore();
    }
}

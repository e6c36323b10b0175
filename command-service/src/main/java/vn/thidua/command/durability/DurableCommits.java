package vn.thidua.command.durability;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Before the API answers 2xx, what the command committed is on the disk, not only in the operating system's cache.
 * <p>
 * The embedded event store is an H2 file opened with {@code WRITE_DELAY=0}: each commit writes its chunk to the file
 * before the transaction returns, which survives a crash of the process ({@code kill -9}). A power loss or an
 * operating-system crash can still lose what sits in the page cache; {@code CHECKPOINT SYNC} forces it to the device.
 * <p>
 * One fsync covers every commit written before it started, so concurrent commands share them (group commit): a caller
 * whose commit is already covered by an fsync that finished after it returns at once; otherwise it runs one for itself
 * and for everyone who arrived in the meantime.
 */
public class DurableCommits {

    private final JdbcTemplate jdbc;
    private final AtomicLong arrived = new AtomicLong();
    private final ReentrantLock syncing = new ReentrantLock();
    private volatile long covered;

    public DurableCommits(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Returns once every commit made before this call is on the device. */
    public void awaitDurable() {
        long ticket = arrived.incrementAndGet();
        syncing.lock();
        try {
            if (covered >= ticket) {
                return;
            }
            long upTo = arrived.get();
            jdbc.execute("CHECKPOINT SYNC");
            covered = upTo;
        } finally {
            syncing.unlock();
        }
    }
}

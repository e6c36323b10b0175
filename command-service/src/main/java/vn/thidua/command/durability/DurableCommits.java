package vn.thidua.command.durability;

import vn.thidua.service.h2.H2Disk;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Before the API answers 2xx, what the command committed is on the disk, not only in the operating system's cache.
 * <p>
 * The embedded event store is an H2 file whose commits reach the file up to {@code WRITE_DELAY} (500 ms) later, from
 * H2's background writer (which also compacts the file, so it is kept). {@link H2Disk#force} writes what is pending,
 * waits for what that writer is still writing, and fsyncs the file: after it, a commit survives a crash of the process
 * and a power loss alike ({@code CHECKPOINT SYNC}, used before, could return while the writer's version was still in
 * flight).
 * <p>
 * One fsync covers every commit written before it started, so concurrent commands share them (group commit): a caller
 * whose commit is already covered by an fsync that finished after it returns at once; otherwise it runs one for itself
 * and for everyone who arrived in the meantime.
 */
public class DurableCommits {

    private final DataSource dataSource;
    private final AtomicLong arrived = new AtomicLong();
    private final ReentrantLock syncing = new ReentrantLock();
    private volatile long covered;

    public DurableCommits(DataSource dataSource) {
        this.dataSource = dataSource;
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
            H2Disk.force(dataSource);
            covered = upTo;
        } finally {
            syncing.unlock();
        }
    }
}

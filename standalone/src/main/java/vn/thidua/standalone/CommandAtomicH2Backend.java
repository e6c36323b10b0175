package vn.thidua.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import vn.thidua.service.h2.H2Disk;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 backend whose file only ever holds whole commands.
 * <p>
 * The stock backend lets the MVStore commit in the background (every second, or when enough is unsaved), at any
 * instant, including between the two writes of one insert (the document, then its {@code _id} index entry). After a
 * {@code kill -9} the store could reopen with a document its index does not know, and every later insert or upsert of
 * that id failed for good ("Document with key … already existed"), stopping a projection across restarts.
 * <p>
 * Here the MVStore never commits by itself: every wire command runs under a shared lock, and a committer takes the
 * exclusive lock every {@value #COMMIT_INTERVAL_MILLIS} ms, so each commit falls between commands. A bulk write is one
 * command, so a crash keeps all of it or none; the read models' ordering rule (a token is written after the documents
 * it covers) then holds in the file as it does in memory.
 * <p>
 * Under the exclusive lock a commit only fixes the version to store (the maps' roots at that instant, between
 * commands); H2's serialization thread then writes that version's pages while commands go on changing the next one
 * (H2's background writer is started for its two writing threads only: it never commits, its period is
 * {@link Integer#MAX_VALUE} ms and its own compaction is off). Writing the pages under the lock, as before, held every
 * command of every processor for a quarter of a rebuild (JFR: two store threads waiting on it at any time). A crash
 * before a version's pages are written reopens the file at the version before: whole commands still. That the pages
 * written are the version fixed needs stored documents that no command changes in place, which mongo-java-server
 * does on every update: its collections here update copies ({@link ReadModelCollection}).
 * <p>
 * Without its background writer the MVStore also skipped its housekeeping, and with H2's default retention (a chunk
 * may be overwritten only 45 s after it was written, so that disks that reorder writes cannot lose a chunk the last one
 * still needs) nothing written during a rebuild could be reused for most of a minute: the file of a 30,000-event
 * benchmark reached 930 MB for about 100 MB of live pages (24% chunk fill). Here the committer forces the file to disk
 * every {@value #SYNC_INTERVAL_MILLIS} ms (outside the lock: it only waits for the disk), so chunks older than
 * {@value #RETENTION_MILLIS} ms are safely on disk and may be overwritten; and after a commit, while less than
 * {@value #TARGET_FILL_RATE}% of the chunks' bytes are live, it moves the live pages of the emptiest chunks (at most
 * {@value #COMPACT_BYTES} bytes a time, so commands wait a few milliseconds at most) and commits them, which frees
 * those chunks.
 */
final class CommandAtomicH2Backend extends H2Backend {

    static final long COMMIT_INTERVAL_MILLIS = 100;
    static final long SYNC_INTERVAL_MILLIS = 500;
    static final int RETENTION_MILLIS = 2_000;
    static final int TARGET_FILL_RATE = 60;
    static final int COMPACT_BYTES = 2 << 20;

    private final MVStore store;
    private long lastSync = System.nanoTime();
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock(true);
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readmodels-commit");
        t.setDaemon(true);
        return t;
    });

    private CommandAtomicH2Backend(MVStore store) {
        super(store);
        this.store = store;
        store.setRetentionTime(RETENTION_MILLIS);
        committer.scheduleWithFixedDelay(this::commitBetweenCommands, COMMIT_INTERVAL_MILLIS, COMMIT_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    static CommandAtomicH2Backend open(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0)
                .autoCompactFillRate(0).open();
        store.setAutoCommitDelay(Integer.MAX_VALUE); // its writing threads, and no commit of its own (see above)
        return new CommandAtomicH2Backend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return HashOrderedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document reply;
        commits.readLock().lock();
        try {
            reply = super.handleCommand(channel, databaseName, command, query);
        } finally {
            commits.readLock().unlock();
        }
        if (journaled(query)) {
            commitAndSyncNow();
        }
        return reply;
    }

    /**
     * A write that asks for the journal ({@code writeConcern: {j: true}}: what the platform keeps and cannot rebuild,
     * such as webhook subscriptions) is on the disk before it is answered, as MongoDB's journal makes it: this
     * command's version is committed, its pages written and the file forced. Other writes wait for the committer.
     */
    static boolean journaled(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.TRUE.equals(concern.get("j"));
    }

    private void commitAndSyncNow() {
        commits.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.commit(); // what the commands changed since the last commit becomes a version, written now
            }
        } finally {
            commits.writeLock().unlock();
        }
        commits.readLock().lock();
        try {
            if (!store.isClosed()) {
                H2Disk.forceCommitted(store); // waits for a version H2 is still writing, then forces the file
            }
        } finally {
            commits.readLock().unlock();
        }
    }

    private void commitBetweenCommands() {
        if (System.nanoTime() - lastSync >= SYNC_INTERVAL_MILLIS * 1_000_000) {
            lastSync = System.nanoTime();
            commits.readLock().lock(); // shared with commands: only keeps the store from closing meanwhile
            try {
                if (!store.isClosed()) {
                    store.sync();
                }
            } finally {
                commits.readLock().unlock();
            }
        }
        if (store.hasUnsavedChanges()) {
            commits.writeLock().lock();
            try {
                if (!store.isClosed()) {
                    store.tryCommit(); // fixes the version; its pages are written by H2's serialization thread
                }
            } finally {
                commits.writeLock().unlock();
            }
        }
        commits.readLock().lock(); // shared with commands: only keeps the store from closing meanwhile
        try {
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE, COMPACT_BYTES);
            }
        } finally {
            commits.readLock().unlock();
        }
    }

    @Override
    public void close() {
        committer.shutdown();
        commits.writeLock().lock();
        try {
            super.close();
        } finally {
            commits.writeLock().unlock();
        }
    }
}

package vn.thidua.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

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
 */
final class CommandAtomicH2Backend extends H2Backend {

    static final long COMMIT_INTERVAL_MILLIS = 100;

    private final MVStore store;
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock(true);
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readmodels-commit");
        t.setDaemon(true);
        return t;
    });

    private CommandAtomicH2Backend(MVStore store) {
        super(store);
        this.store = store;
        committer.scheduleWithFixedDelay(this::commitBetweenCommands, COMMIT_INTERVAL_MILLIS, COMMIT_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    static CommandAtomicH2Backend open(String fileName) {
        return new CommandAtomicH2Backend(new MVStore.Builder().fileName(fileName)
                .autoCommitDisabled().autoCommitBufferSize(0).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return HashOrderedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        commits.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commits.readLock().unlock();
        }
    }

    private void commitBetweenCommands() {
        if (!store.hasUnsavedChanges()) {
            return;
        }
        commits.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.commit();
            }
        } finally {
            commits.writeLock().unlock();
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

package vn.thidua.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read models' MongoDB for the embedded default: mongo-java-server with its H2 backend (one MVStore file), on a
 * loopback port, speaking the wire protocol of MongoDB 5.0 (the 5.x driver refuses older servers). Read models and
 * tracking tokens are in this one store, whose commits are atomic across collections and fall between whole commands
 * ({@link CommandAtomicH2Backend}): after a crash it reopens at its last commit, where a token is never ahead of the
 * read models it describes (they are written before it).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongo start(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2Backend backend = CommandAtomicH2Backend.open(file.toAbsolutePath().toString());
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

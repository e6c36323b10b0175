package vn.thidua.query.export;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.export.ExportLayout;
import vn.thidua.ledger.export.ExportWriter;
import vn.thidua.query.api.QueryExceptions;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How every export answers: an attachment named after what it holds and the tree size it was taken under, headers
 * that repeat the head ({@value #TREE_SIZE}, {@value #ROOT_HASH}), and the rows written straight to the response as
 * they are read (nothing is held: a request that fails after the first bytes leaves a file without its row count,
 * which the verifier names as cut).
 */
public final class ExportResponse {

    public static final String TREE_SIZE = "Thidua-Tree-Size";
    public static final String ROOT_HASH = "Thidua-Root-Hash";
    /** Rows read and written together. */
    public static final int CHUNK = 256;
    /**
     * Exports running at once on one node: each holds a request thread and a core for as long as its rows take (a
     * minute for a million), so a user asking for many at once is answered 503 rather than stalling everyone else.
     */
    public static final int CONCURRENT = 2;
    private static final Semaphore RUNNING = new Semaphore(CONCURRENT);

    /** A place among the exports running; 503 (Retry-After) when all are taken. Closed when the export ends. */
    public static final class Slot implements AutoCloseable {
        private final Semaphore places;
        private boolean held = true;

        Slot(Semaphore places) {
            this.places = places;
        }

        @Override
        public void close() {
            if (held) {
                held = false;
                places.release();
            }
        }
    }

    public static Slot slot() {
        return slot(RUNNING);
    }

    static Slot slot(Semaphore places) {
        if (!places.tryAcquire()) {
            throw new QueryExceptions.NotYetAvailable("Đang có " + CONCURRENT + " bản xuất chạy trên máy chủ này;"
                    + " hãy thử lại sau ít phút");
        }
        return new Slot(places);
    }

    private ExportResponse() {
    }

    /** The format a request names; 400 unless csv or xlsx. */
    public static ExportLayout.Format format(String value) {
        try {
            return ExportLayout.Format.of(value);
        } catch (IllegalArgumentException e) {
            throw new QueryExceptions.InvalidParameter("format", "format phải là csv hoặc xlsx");
        }
    }

    /** The filter as the stamp states it: the parameters given, in order, as a query string. */
    public static String filter(Map<String, ?> parameters) {
        StringJoiner text = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                text.add(name + "=" + value);
            }
        });
        return text.toString();
    }

    /** Parameters in the order given (a map literal would lose it). */
    public static Map<String, Object> parameters(Object... nameValue) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            parameters.put((String) nameValue[i], nameValue[i + 1]);
        }
        return parameters;
    }

    public static String user(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** Starts the answer and the file. {@code stem} is made of letters, digits, dots, dashes and underscores only. */
    public static ExportWriter open(HttpServletResponse response, ExportLayout.Format format, String stem,
                                    LedgerStamp.Taken taken, List<ExportLayout.Column> columns) throws IOException {
        String name = stem.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + taken.treeSize() + "." + format.extension;
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(TREE_SIZE, String.valueOf(taken.treeSize()));
        response.setHeader(ROOT_HASH, MerkleHashes.hex(taken.head().head().rootHash()));
        response.setBufferSize(64 * 1024);
        return ExportWriter.open(format, response.getOutputStream(), taken.stamp(), columns);
    }

    /**
     * Loads each chunk and writes it, loading the next while the current one is written: loading waits on the stores,
     * writing on the processor, and one after the other left the machine mostly idle (JFR of an export, 30k events).
     */
    public static <C, D> void pipelined(List<C> chunks, Function<C, D> load, Consumer<D> write) {
        if (chunks.isEmpty()) {
            return;
        }
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "export-loader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<D> next = loader.submit(() -> load.apply(chunks.get(0)));
            for (int i = 0; i < chunks.size(); i++) {
                D loaded = next.get();
                if (i + 1 < chunks.size()) {
                    C following = chunks.get(i + 1);
                    next = loader.submit(() -> load.apply(following));
                }
                write.accept(loaded);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            loader.shutdownNow();
        }
    }

    /** What a row of the audit trail or of a history first says of its event: when, what, on what, who. */
    public static final List<ExportLayout.Column> EVENT_COLUMNS = List.of(ExportLayout.POSITION,
            new ExportLayout.Column("timestamp", "Thời điểm"), new ExportLayout.Column("type", "Loại sự kiện"),
            new ExportLayout.Column("aggregateType", "Loại đối tượng"),
            new ExportLayout.Column("aggregateId", "Mã đối tượng"), new ExportLayout.Column("sequence", "Thứ tự"),
            new ExportLayout.Column("eventId", "Mã sự kiện"), new ExportLayout.Column("actorId", "Người thực hiện"),
            new ExportLayout.Column("actorRole", "Vai trò"), new ExportLayout.Column("actorUnit", "Đơn vị"));

    /** The event's columns ({@link #EVENT_COLUMNS}), then {@code columns}, then the verifiable ones. */
    public static List<ExportLayout.Column> eventTable(ExportLayout.Column... columns) {
        List<ExportLayout.Column> own = new ArrayList<>(EVENT_COLUMNS);
        own.addAll(List.of(columns));
        return withVerifiable(own.toArray(ExportLayout.Column[]::new));
    }

    /** {@code columns} followed by the verifiable ones. */
    public static List<ExportLayout.Column> withVerifiable(ExportLayout.Column... columns) {
        List<ExportLayout.Column> all = new ArrayList<>(List.of(columns));
        all.addAll(ExportLayout.VERIFIABLE);
        return all;
    }

    /** A row's own cells followed by its verifiable cells (empty when it has none). */
    public static List<Object> row(List<Object> cells, List<Object> verifiable) {
        List<Object> row = new ArrayList<>(cells);
        row.addAll(verifiable == null ? LedgerStamp.none() : verifiable);
        return row;
    }
}

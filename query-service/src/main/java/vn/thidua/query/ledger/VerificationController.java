package vn.thidua.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.service.security.Allowed;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.AUDITOR;

/**
 * {@code POST /api/audit/verifications} starts a verification of the whole ledger and audit trail against the event
 * store ({@link LedgerVerifier}) and answers 202 with where its report will be; one runs at a time, and a request
 * while one runs is answered with that one (202, its report so far);
 * {@code GET /api/audit/verifications/{id}} answers the report: running (events checked so far), or passed, or
 * failed with the first divergence. Reports are kept in {@value #REPORTS} (requested by whom, when, what was found).
 */
@RestController
@Allowed({AUDITOR, ADMIN})
public class VerificationController {

    public static final String REPORTS = "audit_verifications";
    private static final Logger log = LoggerFactory.getLogger(VerificationController.class);

    private final LedgerVerifier verifier;
    private final MongoCollection<Document> reports;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "audit-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<String> running = new AtomicReference<>();

    public VerificationController(LedgerVerifier verifier, MongoDatabase database) {
        this.verifier = verifier;
        this.reports = database.getCollection(REPORTS);
    }

    @PostMapping("/api/audit/verifications")
    public ResponseEntity<Document> start(Principal user) {
        String id = UUID.randomUUID().toString();
        if (!running.compareAndSet(null, id)) {
            String current = running.get();
            Document report = current == null ? null : reports.find(Filters.eq("_id", current)).first();
            if (report != null) {
                return ResponseEntity.accepted().location(URI.create("/api/audit/verifications/" + current))
                        .body(view(report));
            }
            return start(user); // it ended meanwhile
        }
        Document report = new Document("_id", id).append("status", "RUNNING")
                .append("requestedBy", user == null ? null : user.getName())
                .append("startedAt", Instant.now().toString()).append("events", 0L);
        reports.insertOne(report);
        runner.submit(() -> run(id, report));
        return ResponseEntity.accepted().location(URI.create("/api/audit/verifications/" + id)).body(view(report));
    }

    @GetMapping("/api/audit/verifications/{id}")
    public Document report(@PathVariable String id) {
        QueryParameters.text("id", id);
        Document report = reports.find(Filters.eq("_id", id)).first();
        if (report == null) {
            throw new QueryExceptions.NotFound("lần kiểm tra", id);
        }
        return view(report);
    }

    private void run(String id, Document report) {
        try {
            LedgerVerifier.Outcome outcome = verifier.run(checked -> reports.updateOne(Filters.eq("_id", id),
                    new Document("$set", new Document("events", checked))));
            report.append("status", outcome.divergence() == null ? "PASSED" : "FAILED")
                    .append("finishedAt", Instant.now().toString())
                    .append("events", outcome.events()).append("leaves", outcome.leaves())
                    .append("headsChecked", outcome.headsChecked()).append("auditEntries", outcome.auditEntries())
                    .append("seconds", outcome.seconds()).append("eventsPerSecond", outcome.eventsPerSecond());
            if (outcome.divergence() != null) {
                LedgerVerifier.Divergence d = outcome.divergence();
                report.append("divergence", new Document("kind", d.kind().name()).append("position", d.position())
                        .append("leafIndex", d.leafIndex()).append("detail", d.detail()));
            }
        } catch (RuntimeException e) {
            log.warn("audit verification {} stopped: {}", id, e.toString(), e);
            report.append("status", "ERROR").append("finishedAt", Instant.now().toString())
                    .append("error", e.toString());
        } finally {
            reports.replaceOne(Filters.eq("_id", id), report, new ReplaceOptions().upsert(true));
            running.set(null);
        }
    }

    private static Document view(Document report) {
        Document answer = new Document("id", report.get("_id"));
        report.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                answer.append(field, value);
            }
        });
        return answer;
    }
}

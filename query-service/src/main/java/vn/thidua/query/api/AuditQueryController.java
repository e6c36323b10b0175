package vn.thidua.query.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.Limits;
import vn.thidua.projections.audit.AuditEntry;
import vn.thidua.projections.audit.AuditIndex;
import vn.thidua.service.security.Allowed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.AUDITOR;

/** The audit trail: every stored event, in the order of the event store. Auditors and administrators only. */
@RestController
@Allowed({AUDITOR, ADMIN})
public class AuditQueryController {

    private final ReadModelQueries queries;

    public AuditQueryController(ReadModelQueries queries) {
        this.queries = queries;
    }

    /**
     * Filters: aggregateId, actor (actor id), type (event type, e.g. AwardGranted), from and to (an instant such as
     * 2020-07-10T00:00:00Z, or a date, taken in Vietnam time; {@code to} is exclusive for instants and includes the
     * whole day for dates). Ordered by global position.
     */
    @GetMapping("/api/audit")
    public Page<AuditEntry> audit(@RequestParam(required = false) String aggregateId,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        aggregateId = QueryParameters.text("aggregateId", aggregateId);
        actor = QueryParameters.text("actor", actor);
        type = QueryParameters.text("type", type);
        Instant since = from == null ? null : instant("from", from, false);
        Instant until = to == null ? null : instant("to", to, true);
        List<String> keys = new ArrayList<>();
        if (aggregateId != null) {
            keys.add(AuditIndex.aggregateKey(aggregateId));
        }
        if (actor != null) {
            keys.add(AuditIndex.actorKey(actor));
        }
        if (type != null) {
            keys.add(AuditIndex.typeKey(type));
        }
        if (!keys.isEmpty()) {
            return queries.auditByKeys(keys, since, until, PageRequest.of(page, size));
        }
        if (since != null || until != null) {
            return queries.auditBetween(since, until, PageRequest.of(page, size));
        }
        return queries.auditAll(PageRequest.of(page, size));
    }

    private static Instant instant(String parameter, String value, boolean endOfDay) {
        try {
            Instant instant;
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = (endOfDay ? date.plusDays(1) : date).atStartOfDay(DomainClock.VIETNAM).toInstant();
            } else {
                instant = Instant.parse(QueryParameters.text(parameter, value));
            }
            Instant earliest = Limits.EARLIEST_DATE.atStartOfDay(DomainClock.VIETNAM).toInstant();
            Instant latest = Limits.LATEST_DATE.plusDays(1).atStartOfDay(DomainClock.VIETNAM).toInstant();
            if (instant.isBefore(earliest) || instant.isAfter(latest)) {
                throw new QueryExceptions.InvalidParameter(parameter, "\"" + value + "\" nằm ngoài khoảng "
                        + Limits.EARLIEST_DATE + " – " + Limits.LATEST_DATE);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new QueryExceptions.InvalidParameter(parameter,
                    "\"" + value + "\" không phải ngày (2020-07-10) hay thời điểm (2020-07-10T00:00:00Z)");
        }
    }
}

package vn.thidua.query.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.thidua.service.web.Problems;

/** The read side's errors on top of the shared ones. */
@RestControllerAdvice
public class QueryProblems extends Problems {

    @ExceptionHandler(QueryExceptions.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(QueryExceptions.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), null);
    }

    @ExceptionHandler(QueryExceptions.InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalid(QueryExceptions.InvalidParameter e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage(), e.parameter());
    }

    @ExceptionHandler(QueryExceptions.NotCaughtUp.class)
    ResponseEntity<ProblemDetail> notCaughtUp(QueryExceptions.NotCaughtUp e) {
        return problem(HttpStatus.CONFLICT, "not-caught-up", e.getMessage(), "minVersion");
    }

    @ExceptionHandler(QueryExceptions.SegmentsHeldElsewhere.class)
    ResponseEntity<ProblemDetail> segmentsHeldElsewhere(QueryExceptions.SegmentsHeldElsewhere e) {
        return problem(HttpStatus.CONFLICT, "segments-held-elsewhere", e.getMessage(), null);
    }

    @ExceptionHandler(QueryExceptions.NotYetAvailable.class)
    ResponseEntity<ProblemDetail> notYetAvailable(QueryExceptions.NotYetAvailable e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-available",
                e.getMessage(), null);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }
}

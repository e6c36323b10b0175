package vn.thidua.command.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.thidua.domain.common.Refusal;
import vn.thidua.command.axon.RefusalDetails;
import vn.thidua.service.web.Problems;

import java.util.Optional;

/**
 * The write side's errors on top of the shared ones: 400 invalid input, 403 not allowed, 404 unknown aggregate,
 * 409 refused by a rule or lost to a concurrent change.
 */
@RestControllerAdvice
public class ApiProblems extends Problems {

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException e) {
        Optional<Object> details = e.getDetails();
        if (details.isPresent() && details.get() instanceof RefusalDetails refusal) {
            return problem(statusOf(refusal.category()), refusal.code(), e.getMessage(), refusal.field());
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return refused(Refusal.RECORD_NOT_FOUND, null, e.getAggregateIdentifier());
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        return refused(Refusal.ALREADY_EXISTS, "id");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException e) {
        return refused(Refusal.CONCURRENT_MODIFICATION, null);
    }

    private ResponseEntity<ProblemDetail> refused(Refusal refusal, String field, Object... args) {
        return problem(statusOf(refusal.category()), refusal.code(), refusal.message(args), field);
    }

    @Override
    protected ResponseEntity<ProblemDetail> fromCause(Throwable cause) {
        if (cause instanceof AggregateStreamCreationException c) {
            return alreadyExists(c);
        }
        if (cause instanceof ConcurrencyException c) {
            return conflict(c);
        }
        return null;
    }
}

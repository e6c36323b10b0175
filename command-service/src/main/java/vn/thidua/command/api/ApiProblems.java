package vn.thidua.command.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.thidua.command.axon.RefusalDetails;
import vn.thidua.domain.common.RefusalCategory;
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
            if (RefusalDetails.NOT_FOUND.equals(refusal.code())) {
                return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), null);
            }
            return problem(statusOf(RefusalCategory.valueOf(refusal.category())), refusal.code(), e.getMessage(),
                    refusal.field());
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy " + e.getAggregateIdentifier(), null);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "already-exists",
                "Mã định danh này đã được dùng; nếu đây là lần gửi lại, yêu cầu trước đã được ghi nhận", "id");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Hồ sơ vừa được thay đổi bởi một yêu cầu khác; hãy thử lại", null);
    }

    @ExceptionHandler(ForbiddenUnitException.class)
    ResponseEntity<ProblemDetail> otherUnit(ForbiddenUnitException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden-unit", e.getMessage(), "unitId");
    }

    @ExceptionHandler(InvalidIdException.class)
    ResponseEntity<ProblemDetail> invalidId(InvalidIdException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-id", e.getMessage(), "id");
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

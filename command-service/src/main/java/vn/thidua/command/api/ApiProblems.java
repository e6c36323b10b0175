package vn.thidua.command.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.thidua.command.axon.RefusalDetails;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.RefusalCategory;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457): a stable {@code type}
 * ({@code urn:thidua:problem:<code>}), the same {@code code} as a property, a Vietnamese {@code detail}, and the
 * offending {@code field} where one is at fault. 400 invalid input, 403 not allowed, 404 unknown aggregate,
 * 409 refused by a rule or lost to a concurrent change.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

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

    @ExceptionHandler(DomainRuleException.class)
    ResponseEntity<ProblemDetail> refused(DomainRuleException e) {
        return problem(statusOf(e.refusal().category()), e.code(), e.getMessage(), e.field());
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

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Vai trò của bạn không được thực hiện thao tác này", null);
    }

    @ExceptionHandler(ForbiddenUnitException.class)
    ResponseEntity<ProblemDetail> otherUnit(ForbiddenUnitException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden-unit", e.getMessage(), "unitId");
    }

    @ExceptionHandler(InvalidIdException.class)
    ResponseEntity<ProblemDetail> invalidId(InvalidIdException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-id", e.getMessage(), "id");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException c) {
                return alreadyExists(c);
            }
            if (t instanceof ConcurrencyException c) {
                return conflict(c);
            }
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Lỗi hệ thống; yêu cầu chưa được ghi nhận. Hãy báo cho quản trị viên kèm mã tương quan.", null);
    }

    /** Malformed JSON, an unknown property, a value of the wrong type: 400 naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DomainRuleException rule) {
                return body(problem(HttpStatus.BAD_REQUEST, rule.code(), rule.getMessage(),
                        cause instanceof JsonMappingException m ? path(m) : rule.field()));
            }
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return body(problem(HttpStatus.BAD_REQUEST, "unknown-property",
                    "Thuộc tính không được hỗ trợ: \"" + u.getPropertyName() + "\"", path(u)));
        }
        if (cause instanceof InvalidFormatException f) {
            return body(problem(HttpStatus.BAD_REQUEST, "invalid-value",
                    "Giá trị \"" + f.getValue() + "\" không hợp lệ ở " + path(f), path(f)));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return body(problem(HttpStatus.BAD_REQUEST, "invalid-value", "Giá trị không hợp lệ ở " + path(m),
                    path(m)));
        }
        return body(problem(HttpStatus.BAD_REQUEST, "malformed-json",
                "Nội dung yêu cầu không phải JSON hợp lệ hoặc bị thiếu", null));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p && p.getProperties() == null) {
            String code = HttpStatus.valueOf(statusCode.value()).name().toLowerCase(Locale.ROOT).replace('_', '-');
            p.setType(URI.create("urn:thidua:problem:" + code));
            p.setProperty("code", code);
        }
        return response;
    }

    private static ResponseEntity<Object> body(ResponseEntity<ProblemDetail> problem) {
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static HttpStatus statusOf(RefusalCategory category) {
        return switch (category) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:thidua:problem:" + code));
        problem.setTitle(title(code));
        problem.setProperty("code", code);
        if (field != null && !field.isBlank()) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** "plan-already-launched" → "Plan already launched": an English title for integrators. */
    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

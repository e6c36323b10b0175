package vn.thidua.service.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.RefusalCategory;

import java.net.URI;

/**
 * The errors both services answer alike, as {@code application/problem+json} (RFC 9457): a stable {@code type}
 * ({@code urn:thidua:problem:<code>}), the same {@code code} as a property, a Vietnamese {@code detail}, an English
 * {@code title} for integrators, and the offending {@code field} where one is at fault. Each service's advice extends
 * this with its own failures.
 */
public abstract class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(DomainRuleException.class)
    protected ResponseEntity<ProblemDetail> refused(DomainRuleException e) {
        return problem(statusOf(e.refusal().category()), e.code(), e.getMessage(), e.field());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    protected ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Vai trò của bạn không được thực hiện thao tác này", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Tham số \"" + e.getName() + "\" có giá trị không hợp lệ: \"" + e.getValue() + "\"", e.getName());
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            ResponseEntity<ProblemDetail> known = fromCause(t);
            if (known != null) {
                return known;
            }
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Lỗi hệ thống; yêu cầu chưa được thực hiện. Hãy báo cho quản trị viên kèm mã tương quan.", null);
    }

    /** A known failure wrapped in another exception, or null. */
    protected ResponseEntity<ProblemDetail> fromCause(Throwable cause) {
        return null;
    }

    /** Malformed JSON, an unknown property, a value of the wrong type: 400 naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RequestGuard.BodyTooLargeException tooLarge) {
                return body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                        RequestGuard.tooLarge(tooLarge.limit()), null));
            }
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
            String code = ProblemWriter.codeOf(statusCode.value());
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

    protected static HttpStatus statusOf(RefusalCategory category) {
        return switch (category) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:thidua:problem:" + code));
        problem.setTitle(ProblemWriter.title(code));
        problem.setProperty("code", code);
        if (field != null && !field.isBlank()) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }
}

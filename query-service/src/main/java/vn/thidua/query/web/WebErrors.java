package vn.thidua.query.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.thidua.query.api.QueryExceptions;

/** The pages' failures as a page (the API's stay problem+json documents): what went wrong, in Vietnamese. */
@ControllerAdvice(assignableTypes = WebPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    String denied(Model model, HttpServletResponse response) {
        return page(model, response, 403, "Vai trò của bạn không được xem trang này.");
    }

    @ExceptionHandler(QueryExceptions.NotFound.class)
    String notFound(QueryExceptions.NotFound e, Model model, HttpServletResponse response) {
        return page(model, response, 404, e.getMessage());
    }

    @ExceptionHandler(QueryExceptions.InvalidParameter.class)
    String invalid(QueryExceptions.InvalidParameter e, Model model, HttpServletResponse response) {
        return page(model, response, 400, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return page(model, response, 400, "Tham số \"" + e.getName() + "\" có giá trị không hợp lệ");
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected failure on a page", e);
        return page(model, response, 500, "Lỗi hệ thống; hãy thử lại hoặc báo cho quản trị viên.");
    }

    private static String page(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "web/error";
    }
}

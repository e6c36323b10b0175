package vn.thidua.service.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * {@code /error}, where the servlet container sends what failed outside Spring MVC's handlers ({@code sendError} from
 * a filter, Spring Security, a TRACE request): answered as problem+json instead of Spring Boot's own error JSON. Asked
 * for directly, {@code /error} is a page that does not exist.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i && i >= 400 ? i : 404;
        ProblemWriter.write(response, code, ProblemWriter.codeOf(code), detail(code));
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Cần đăng nhập để sử dụng API";
            case 403 -> "Không được phép thực hiện thao tác này";
            case 404 -> "Không tìm thấy tài nguyên được yêu cầu";
            case 405 -> "Phương thức HTTP này không được hỗ trợ cho tài nguyên này";
            case 413 -> "Nội dung yêu cầu quá lớn";
            case 414 -> "Địa chỉ yêu cầu quá dài";
            case 415 -> "Kiểu nội dung không được hỗ trợ";
            case 431 -> "Phần đầu (header) của yêu cầu quá lớn";
            default -> status >= 500 ? "Lỗi hệ thống; yêu cầu chưa được thực hiện" : "Yêu cầu không được chấp nhận";
        };
    }
}

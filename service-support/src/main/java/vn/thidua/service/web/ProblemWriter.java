package vn.thidua.service.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a problem+json document straight to a servlet response, for the errors raised before Spring MVC (filters,
 * Spring Security, Tomcat's own error report). Same shape as {@link Problems}: type {@code urn:thidua:problem:<code>},
 * title, status, detail, code. Hand-written JSON so that it also works where no ObjectMapper is at hand (Tomcat).
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json(status, code, detail).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    public static String json(int status, String code, String detail) {
        return "{\"type\":\"urn:thidua:problem:" + code + "\",\"title\":" + quote(title(code)) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + ",\"code\":" + quote(code) + "}";
    }

    /** "plan-already-launched" → "Plan already launched": an English title for integrators. */
    public static String title(String code) {
        String words = code.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The stable code of an HTTP status without a more precise one: 404 → "not-found". */
    public static String codeOf(int status) {
        try {
            return org.springframework.http.HttpStatus.valueOf(status).name().toLowerCase(Locale.ROOT).replace('_', '-');
        } catch (IllegalArgumentException e) {
            return "http-" + status;
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

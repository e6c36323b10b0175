package vn.thidua.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets a correlation id of the platform's own (a new UUID), echoed in {@code X-Correlation-Id} and
 * stored with every event the request causes. A client's own {@code X-Correlation-Id}, when it is sensible, is kept
 * apart as {@code clientCorrelationId}: a client cannot make its request look like part of another one.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    public static final String CLIENT_ATTRIBUTE = ATTRIBUTE + ".client";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        if (given != null && ACCEPTABLE.matcher(given).matches()) {
            request.setAttribute(CLIENT_ATTRIBUTE, given);
        }
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }

    /** The platform's correlation id of the current request (a new id outside a request). */
    public static String currentId() {
        Object id = attribute(ATTRIBUTE);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }

    /** The client's own correlation id of the current request, or null when it sent none (or none is current). */
    public static String currentClientId() {
        Object id = attribute(CLIENT_ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    private static Object attribute(String name) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    }

    /** The platform's correlation id of the current request, or null outside one. */
    public static String current(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}

package vn.thidua.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Logs every 401 and 403 (logger {@code vn.thidua.security.denied}): status, user, client address, method, path and
 * correlation id. Never a password, a token or a body; every value is cut short and stripped of control characters,
 * so a crafted user name or path cannot forge log lines.
 */
public class DeniedAccessLog extends OncePerRequestFilter {

    /** Request attribute holding the authenticated user's name, set inside the security chain. */
    public static final String USER = DeniedAccessLog.class.getName() + ".user";
    private static final Logger log = LoggerFactory.getLogger("vn.thidua.security.denied");
    private static final int MAX_VALUE_LENGTH = 120;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                log.warn("access denied status={} user={} address={} method={} path={} correlationId={}", status,
                        safe(user(request)), safe(request.getRemoteAddr()), safe(request.getMethod()),
                        safe(request.getRequestURI()), safe(CorrelationIdFilter.current(request)));
            }
        }
    }

    /** The authenticated user, else the name a Basic header claims (without its password), else "-". */
    static String user(HttpServletRequest request) {
        Object authenticated = request.getAttribute(USER);
        if (authenticated != null) {
            return authenticated.toString();
        }
        String claimed = claimedUser(request);
        return claimed == null ? "-" : "(claimed) " + claimed;
    }

    /** The user name of an HTTP Basic header, or null. */
    public static String claimedUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** At most {@value #MAX_VALUE_LENGTH} characters, control characters replaced: one value, one log field. */
    public static String safe(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE_LENGTH; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) || c == ' ' ? '_' : c);
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            out.append('…');
        }
        return out.toString();
    }
}

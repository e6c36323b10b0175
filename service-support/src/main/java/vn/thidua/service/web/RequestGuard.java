package vn.thidua.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a request body may be, checked before anything reads it: JSON only (415 otherwise; a wildcard such as
 * {@code *}{@code /*} is not a content type), in UTF-8, and at most {@value #MAX_BODY_BYTES} bytes (413): a declared
 * length is refused here, a streamed (chunked) body when reading passes the limit. Two exceptions: the web pages'
 * own forms ({@link #FORM_PATHS}: log in, log out) post a few URL-encoded fields, of a declared length up to
 * {@value #MAX_FORM_BYTES} bytes; and a plan to read ({@link #DOCUMENT_PATHS}) is sent as it is, a .docx or UTF-8
 * text, of up to {@value #MAX_DOCUMENT_BYTES} bytes.
 */
public class RequestGuard extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The web pages' forms, which browsers post URL-encoded. */
    public static final Set<String> FORM_PATHS = Set.of("/login", "/logout");
    public static final int MAX_FORM_BYTES = 8 * 1024;
    /** The endpoints that read a document sent as it is. */
    public static final Set<String> DOCUMENT_PATHS = Set.of("/api/plan-drafts");
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    public static final String DOCX_VALUE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final MediaType DOCX = MediaType.parseMediaType(DOCX_VALUE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && FORM_PATHS.contains(request.getServletPath()) && isForm(request.getContentType())) {
            if (request.getHeader("Transfer-Encoding") != null || request.getContentLengthLong() > MAX_FORM_BYTES) {
                tooLarge(response, MAX_FORM_BYTES);
                return;
            }
        } else if (hasBody) {
            boolean document = DOCUMENT_PATHS.contains(request.getServletPath());
            long limit = document ? MAX_DOCUMENT_BYTES : MAX_BODY_BYTES;
            if (request.getContentLengthLong() > limit) {
                tooLarge(response, limit);
                return;
            }
            String refusal = document ? documentTypeRefusal(request.getContentType())
                    : contentTypeRefusal(request.getContentType());
            if (refusal != null) {
                ProblemWriter.write(response, 415, "unsupported-media-type", refusal);
                return;
            }
            request = new Limited(request, limit);
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_FORM_URLENCODED
                    .equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String contentTypeRefusal(String contentType) {
        String accepted = "Nội dung yêu cầu phải là JSON (Content-Type: application/json; charset=UTF-8)";
        if (contentType == null) {
            return accepted;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = !type.isWildcardType() && !type.isWildcardSubtype()
                    && (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json")));
            if (!json) {
                return accepted;
            }
            if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
                return "Nội dung JSON phải mã hóa UTF-8";
            }
            return null;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
            return accepted;
        }
    }

    /** A document to read: a .docx, or text in UTF-8. */
    static String documentTypeRefusal(String contentType) {
        String accepted = "Nội dung phải là tệp .docx (Content-Type: " + DOCX + ") hoặc văn bản UTF-8"
                + " (Content-Type: text/plain; charset=UTF-8)";
        if (contentType == null) {
            return accepted;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (DOCX.equalsTypeAndSubtype(type)) {
                return null;
            }
            if (!MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
                return accepted;
            }
            return type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()) ? null
                    : "Văn bản phải mã hóa UTF-8";
        } catch (IllegalArgumentException e) {
            return accepted;
        }
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        ProblemWriter.write(response, 413, "payload-too-large", tooLarge(limit));
    }

    public static String tooLarge(long limit) {
        return "Nội dung yêu cầu vượt quá giới hạn " + limit / 1024 + " KiB";
    }

    /**
     * Thrown while reading a streamed body past the limit; the body is read by Spring MVC's converters, so
     * {@link Problems} turns it into the same 413.
     */
    public static class BodyTooLargeException extends IOException {
        private final long limit;

        public BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** The request with a body stream that refuses to read past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}

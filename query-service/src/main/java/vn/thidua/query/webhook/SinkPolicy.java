package vn.thidua.query.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may be sent: an absolute {@code http} or {@code https} URL without credentials, whose host resolves
 * only to public addresses. A sink resolving to a loopback, private (RFC 1918, IPv6 unique-local), link-local (cloud
 * metadata at 169.254.169.254 among them), carrier-grade NAT, multicast or unspecified address is refused, unless its
 * host is allow-listed in configuration: a valid account must not turn the platform into a client of the internal
 * network. Checked when a subscription is created and again before every delivery (a name may resolve elsewhere
 * later).
 */
public final class SinkPolicy {

    static final int MAX_URL_LENGTH = 2000;

    private final List<String> allowedHosts;

    public SinkPolicy(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** The URL, parsed, or the reason it is refused (in Vietnamese). */
    public URI check(String url) throws Refused {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new Refused("Địa chỉ nhận (sinkUrl) phải có, tối đa " + MAX_URL_LENGTH + " ký tự");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("Địa chỉ nhận không phải URL hợp lệ");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new Refused("Địa chỉ nhận phải là URL http hoặc https tuyệt đối");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new Refused("Địa chỉ nhận không được chứa thông tin đăng nhập hay phân đoạn (#)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedHosts.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("Không phân giải được tên máy \"" + host + "\"");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = internal(address);
            if (why.isPresent()) {
                throw new Refused("Địa chỉ nhận trỏ tới mạng nội bộ (" + address.getHostAddress() + ", " + why.get()
                        + "); chỉ được dùng khi có trong thidua.webhooks.allowed-hosts");
            }
        }
        return uri;
    }

    static Optional<String> internal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT");
        }
        if (b.length == 4 && (b[0] & 0xff) == 0) {
            return Optional.of("this network");
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local");
        }
        if (address instanceof Inet6Address && isMappedIpv4(b)) {
            try {
                return internal(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return Optional.of("unreadable");
            }
        }
        return Optional.empty();
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** A sink this policy does not allow. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }
}

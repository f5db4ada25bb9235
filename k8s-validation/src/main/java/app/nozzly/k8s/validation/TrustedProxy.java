package app.nozzly.k8s.validation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of quarkus.http.proxy.trusted-proxies: an IPv4 or IPv6 address or CIDR, or a host name. */
final class TrustedProxy {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("([0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)(?:/(\\d{1,3}))?");
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private TrustedProxy() {
    }

    /** The leading address bits the entry fixes: a CIDR's prefix, all for one address or host name; empty when malformed. */
    static Optional<Integer> prefixLength(String entry) {
        Matcher v4 = IPV4.matcher(entry);
        if (v4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                if (Integer.parseInt(v4.group(octet)) > 255) {
                    return Optional.empty();
                }
            }
            int prefix = v4.group(5) == null ? 32 : Integer.parseInt(v4.group(5));
            return prefix <= 32 ? Optional.of(prefix) : Optional.empty();
        }
        Matcher v6 = IPV6.matcher(entry);
        if (v6.matches()) {
            int prefix = v6.group(2) == null ? 128 : Integer.parseInt(v6.group(2));
            return prefix <= 128 ? Optional.of(prefix) : Optional.empty();
        }
        return HOST.matcher(entry).matches() && !entry.matches("[0-9.]+") ? Optional.of(128) : Optional.empty();
    }

    static boolean isLoopback(String entry) {
        return entry.startsWith("127.") || "::1".equals(entry) || "0:0:0:0:0:0:0:1".equals(entry) || "localhost".equalsIgnoreCase(entry);
    }
}

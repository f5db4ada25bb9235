package app.nozzly.inventory.spoolman;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Spoolman's origin rule for its API without login: a browser's write (or WebSocket) from a page of another origin is
 * refused; a request without an Origin (Moonraker, OctoPrint, curl) is not a browser's and passes. The request's own
 * host is its Host or, behind a proxy, its X-Forwarded-Host.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean trusted(String origin, String host, String forwardedHost) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String authority = authority(origin.trim());
        Set<String> own = new HashSet<>();
        for (String candidate : new String[] {host, forwardedHost}) {
            if (candidate != null && !candidate.isBlank()) {
                own.add(withoutDefaultPort(candidate.split(",")[0].trim().toLowerCase(Locale.ROOT)));
            }
        }
        return authority != null && own.contains(authority);
    }

    private static String authority(String origin) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return null;
            }
            boolean defaultPort = uri.getPort() == -1 || ("http".equals(uri.getScheme()) && uri.getPort() == 80)
                    || ("https".equals(uri.getScheme()) && uri.getPort() == 443);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return defaultPort ? host : host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String withoutDefaultPort(String host) {
        return host.endsWith(":80") ? host.substring(0, host.length() - 3)
                : host.endsWith(":443") ? host.substring(0, host.length() - 4) : host;
    }
}

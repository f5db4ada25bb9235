package app.nozzly.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Normalises a request target before it is routed (RFC 3986 section 6.2.2): percent-encoded unreserved
 * characters are decoded, duplicate slashes collapse and dot segments are resolved, so that the path the
 * gateway routes on is the path the service sees. Targets whose meaning would differ between the gateway and
 * a service are refused instead of guessed: encoded slashes and backslashes, NUL and control characters, a
 * dot segment hidden behind path parameters ({@code ..;x}), and dot segments that climb above the root.
 */
final class PathNormalizer {

    /** A request target the gateway will not forward; {@link #getMessage()} says why, for a 400 answer. */
    static final class RejectedPath extends Exception {

        private static final long serialVersionUID = 1L;

        RejectedPath(String message) {
            super(message, null, false, false);
        }
    }

    /** The normalised path and the untouched query (without its {@code ?}; null when there was none). */
    record Target(String path, String query) {

        String uri() {
            return query == null ? path : path + "?" + query;
        }
    }

    private PathNormalizer() {
    }

    static Target normalize(String requestTarget) throws RejectedPath {
        if (requestTarget == null || !requestTarget.startsWith("/")) {
            throw new RejectedPath("the request target must be a path starting with /");
        }
        if (requestTarget.indexOf('#') >= 0) {
            throw new RejectedPath("the request target must not carry a fragment");
        }
        int question = requestTarget.indexOf('?');
        String rawPath = question < 0 ? requestTarget : requestTarget.substring(0, question);
        String query = question < 0 ? null : requestTarget.substring(question + 1);
        return new Target(removeDotSegments(decodeUnreserved(rawPath)), query);
    }

    /** Decodes %XX of unreserved characters, upper-cases the rest, refuses what must never reach a service. */
    private static String decodeUnreserved(String path) throws RejectedPath {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) {
                    throw new RejectedPath("incomplete percent-encoding in the path");
                }
                int value = hex(path.charAt(i + 1)) << 4 | hex(path.charAt(i + 2));
                if (value == '/' || value == '\\') {
                    throw new RejectedPath("encoded slashes and backslashes are not accepted in the path");
                }
                if (value < 0x20 || value == 0x7f) {
                    throw new RejectedPath("control characters (NUL included) are not accepted in the path");
                }
                if (unreserved((char) value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else if (c == '\\') {
                throw new RejectedPath("backslashes are not accepted in the path");
            } else if (c < 0x20 || c == 0x7f) {
                throw new RejectedPath("control characters are not accepted in the path");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String removeDotSegments(String path) throws RejectedPath {
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = path.split("/", -1);
        // parts[0] is the empty string before the leading slash
        for (int i = 1; i < parts.length; i++) {
            String segment = parts[i];
            boolean last = i == parts.length - 1;
            String bare = segment.indexOf(';') >= 0 ? segment.substring(0, segment.indexOf(';')) : segment;
            if (!bare.equals(segment) && (bare.equals(".") || bare.equals(".."))) {
                throw new RejectedPath("dot segments with path parameters are not accepted");
            }
            if (segment.equals(".")) {
                if (last) {
                    segments.addLast("");
                }
            } else if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new RejectedPath("the path climbs above the root");
                }
                segments.removeLast();
                if (last) {
                    segments.addLast("");
                }
            } else if (segment.isEmpty()) {
                // a duplicate slash collapses; a trailing slash stays
                if (last) {
                    segments.addLast("");
                }
            } else {
                segments.addLast(segment);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(segment);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static int hex(char c) throws RejectedPath {
        int digit = Character.digit(c, 16);
        if (digit < 0) {
            throw new RejectedPath("invalid percent-encoding in the path");
        }
        return digit;
    }
}

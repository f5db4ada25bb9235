package app.nozzly.sim.prusa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Digest authentication as PrusaLink does it (RFC 7616 with MD5, qop=auth; RFC 2069 answers without qop are
 * accepted too). Nonces are the server's own and go stale after a lifetime: a correct answer to a stale or unknown
 * nonce gets 401 with stale=true so the client retries with the new nonce instead of asking for a password.
 */
final class DigestAuthentication {

    static final String REALM = "Printer API";

    /** The outcome of checking one request. */
    enum Result { AUTHORIZED, STALE, DENIED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private final long nonceLifetimeNanos;
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    DigestAuthentication(String username, String password, Duration nonceLifetime) {
        this.username = username;
        this.password = password;
        this.nonceLifetimeNanos = nonceLifetime.toNanos();
    }

    /** The WWW-Authenticate header value of a 401, with a fresh nonce. */
    String challenge(boolean stale) {
        long now = System.nanoTime();
        nonces.values().removeIf(issued -> now - issued > 4 * nonceLifetimeNanos);
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        nonces.put(nonce, now);
        return "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=MD5"
                + (stale ? ", stale=true" : "");
    }

    Result check(String method, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Result.DENIED;
        }
        Map<String, String> fields = parse(authorization.substring(7));
        String nonce = fields.get("nonce");
        String uri = fields.get("uri");
        String response = fields.get("response");
        if (nonce == null || uri == null || response == null || !username.equals(fields.get("username"))
                || !REALM.equals(fields.get("realm"))) {
            return Result.DENIED;
        }
        String algorithm = fields.getOrDefault("algorithm", "MD5");
        if (!algorithm.equalsIgnoreCase("MD5")) {
            return Result.DENIED;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String qop = fields.get("qop");
        String expected = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + fields.getOrDefault("nc", "") + ":"
                        + fields.getOrDefault("cnonce", "") + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return Result.DENIED;
        }
        Long issued = nonces.get(nonce);
        if (issued == null || System.nanoTime() - issued > nonceLifetimeNanos) {
            return Result.STALE;
        }
        return Result.AUTHORIZED;
    }

    /** Parses key=value and key="quoted value" pairs separated by commas. */
    static Map<String, String> parse(String header) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        int length = header.length();
        while (i < length) {
            while (i < length && (header.charAt(i) == ',' || Character.isWhitespace(header.charAt(i)))) {
                i++;
            }
            int equals = header.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = header.substring(i, equals).trim().toLowerCase();
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < length && header.charAt(i) == '"') {
                i++;
                while (i < length && header.charAt(i) != '"') {
                    if (header.charAt(i) == '\\' && i + 1 < length) {
                        i++;
                    }
                    value.append(header.charAt(i++));
                }
                i++;
            } else {
                while (i < length && header.charAt(i) != ',') {
                    value.append(header.charAt(i++));
                }
            }
            fields.put(key, value.toString().trim());
        }
        return fields;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}

package app.nozzly.printer.driver.prusa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest access authentication (RFC 7616; MD5 and SHA-256, qop=auth or none) for PrusaLink, because the JDK
 * HttpClient has none. Keeps the server's nonce and counts requests on it; a 401 with stale=true only renews the
 * nonce. Thread safe.
 */
public final class DigestAuthenticator {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private Challenge challenge;
    private int nonceCount;

    record Challenge(String realm, String nonce, String opaque, String algorithm, String qop, boolean stale) {
    }

    public DigestAuthenticator(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** Parses a {@code WWW-Authenticate: Digest ...} header; false when it is not a Digest challenge. */
    public synchronized boolean accept(String wwwAuthenticate) {
        if (wwwAuthenticate == null || !wwwAuthenticate.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(wwwAuthenticate.substring(7));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String qop = params.get("qop");
        if (qop != null) {
            qop = java.util.Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equals) ? "auth" : null;
        }
        challenge = new Challenge(params.getOrDefault("realm", ""), params.get("nonce"), params.get("opaque"),
                params.getOrDefault("algorithm", "MD5"), qop, "true".equalsIgnoreCase(params.get("stale")));
        nonceCount = 0;
        return challenge.nonce() != null;
    }

    /** True once a challenge has been seen, so requests can authenticate preemptively. */
    public synchronized boolean ready() {
        return challenge != null;
    }

    /** True when the last challenge said only the nonce was stale (the credentials were fine). */
    public synchronized boolean lastChallengeWasStale() {
        return challenge != null && challenge.stale();
    }

    /** The Authorization header for one request. */
    public synchronized String authorization(String method, String uri) {
        if (challenge == null) {
            throw new IllegalStateException("no Digest challenge received yet");
        }
        String algorithm = challenge.algorithm();
        String nc = String.format("%08x", ++nonceCount);
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String cnonce = HexFormat.of().formatHex(random);
        String ha1 = hash(algorithm, username + ":" + challenge.realm() + ":" + password);
        if (algorithm.toLowerCase(Locale.ROOT).endsWith("-sess")) {
            ha1 = hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + cnonce);
        }
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = challenge.qop() == null
                ? hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + ha2)
                : hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":" + challenge.qop() + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(challenge.realm())
                .append("\", nonce=\"").append(challenge.nonce())
                .append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm)
                .append(", response=\"").append(response).append('"');
        if (challenge.qop() != null) {
            header.append(", qop=").append(challenge.qop()).append(", nc=").append(nc)
                    .append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.opaque() != null) {
            header.append(", opaque=\"").append(challenge.opaque()).append('"');
        }
        return header.toString();
    }

    static String hash(String algorithm, String value) {
        String name = algorithm.toUpperCase(Locale.ROOT).replace("-SESS", "");
        String jca = switch (name) {
            case "SHA-256" -> "SHA-256";
            case "SHA-512-256" -> "SHA-512/256";
            default -> "MD5";
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is not available", e);
        }
    }
}

package app.nozzly.platform.identity;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser of every service, remembering tokens it verified. A client sends the same token with
 * every call, and each service verified its RS256 signature on each of them: a third of inventory-service's CPU
 * under the read benchmark (./stack bench). A token is looked up by its exact text, so only a token whose signature
 * was verified is ever taken from here. It is kept as long as the verifier would accept it (its expiry plus the
 * clock skew), at most {@link #MAX_AGE}, and never more than {@link #MAX_ENTRIES} at once. Revocation is
 * unaffected: {@link TokenRevocations} checks each request's identity after this parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_ENTRIES = 5_000;
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    DefaultJWTParser verifier;

    /** The verifier's own tolerance past a token's expiry (MicroProfile JWT's default is 60 s). */
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null && now < known.untilMillis()) {
            return known.token();
        }
        JsonWebToken parsed = verifier.parse(token);
        remember(token, parsed, now);
        return parsed;
    }

    private void remember(String token, JsonWebToken parsed, long now) {
        long acceptedUntil = (parsed.getExpirationTime() + clockSkewSeconds) * 1000;
        if (acceptedUntil <= now) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(entry -> entry.untilMillis() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                return;
            }
        }
        verified.put(token, new Verified(parsed, Math.min(acceptedUntil, now + MAX_AGE.toMillis())));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}

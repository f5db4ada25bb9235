package app.nozzly.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signed platform tokens for tests, made the way order-sync-service and ./stack make them. */
public final class TestTokens {

    public static final String ISSUER = "https://auth.nozzly.app";
    public static final String AUDIENCE = "nozzly-api";

    private static PrivateKey key;

    private TestTokens() {
    }

    /** A valid token of the tenant with these roles, for one hour. */
    public static String token(String tenant, String... roles) {
        return sign(claims(tenant, roles, 3600));
    }

    public static String bearer(String tenant, String... roles) {
        return "Bearer " + token(tenant, roles);
    }

    public static String expired(String tenant, String... roles) {
        return sign(claims(tenant, roles, -600));
    }

    public static String withIssuer(String issuer, String tenant, String... roles) {
        JwtClaims claims = claims(tenant, roles, 3600);
        claims.setIssuer(issuer);
        return sign(claims);
    }

    public static String withoutTenant(String... roles) {
        JwtClaims claims = claims("x", roles, 3600);
        claims.unsetClaim("tenant_id");
        return sign(claims);
    }

    /** The same claims with {"alg":"none"} and no signature: must be refused. */
    public static String unsigned(String tenant, String... roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims(tenant, roles, 3600).toJson().getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    public static JwtClaims claims(String tenant, String[] roles, int validSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("user-" + tenant);
        claims.setClaim("upn", "user-" + tenant);
        claims.setClaim("tenant_id", tenant);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        NumericDate issued = NumericDate.fromSeconds(now.getValue() - (validSeconds < 0 ? 3600 : 0));
        claims.setIssuedAt(issued);
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(validSeconds);
        claims.setExpirationTime(expiry);
        return claims;
    }

    public static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign test token", e);
        }
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            try (InputStream in = TestTokens.class.getResourceAsStream("/jwt/test-private-key.pem")) {
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }
}

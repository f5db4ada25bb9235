package app.nozzly.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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

/**
 * Platform tokens signed with the local stack's key (.stack/keys), as {@code ./stack token} makes them: the
 * facility scenario needs one student token per team.
 */
final class Tokens {

    private final PrivateKey key;

    Tokens(Path stackHome) throws IOException, GeneralSecurityException {
        String body = Files.readString(stackHome.resolve("keys").resolve("private-key.pem"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    String token(String tenant, List<String> roles, String teamId) throws GeneralSecurityException {
        return sign(tenant, teamId == null ? "bench-" + tenant : "bench-student-" + teamId, roles, teamId);
    }

    /** A token of another user of the tenant (rate limits count per user). */
    String user(String tenant, String subject, List<String> roles) throws GeneralSecurityException {
        return sign(tenant, subject, roles, null);
    }

    private String sign(String tenant, String subject, List<String> roles, String teamId) throws GeneralSecurityException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://auth.nozzly.app");
        claims.setAudience("nozzly-api");
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setClaim("tenant_id", tenant);
        if (teamId != null) {
            claims.setClaim("team_id", teamId);
        }
        claims.setStringListClaim("groups", roles);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(4 * 3600);
        claims.setExpirationTime(expiry);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new GeneralSecurityException("could not sign a bench token", e);
        }
    }
}

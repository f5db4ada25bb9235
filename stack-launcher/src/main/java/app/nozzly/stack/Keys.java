package app.nozzly.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
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
 * The local stack's identity: an RSA key pair made on first start (the services verify with the public
 * key, order-sync-service and {@code ./stack token} sign with the private one) and a token-encryption key.
 */
final class Keys {

    static final String ISSUER = "https://auth.nozzly.app";
    static final String AUDIENCE = "nozzly-api";

    private final Path dir;

    Keys(Path home) {
        this.dir = home.resolve("keys");
    }

    Path publicKey() {
        return dir.resolve("public-key.pem");
    }

    Path privateKey() {
        return dir.resolve("private-key.pem");
    }

    Path encryptionKey() {
        return dir.resolve("token-encryption.key");
    }

    void ensure() throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        if (!Files.exists(privateKey()) || !Files.exists(publicKey())) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        if (!Files.exists(encryptionKey())) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(encryptionKey(), Base64.getEncoder().encodeToString(key));
        }
    }

    String encryptionKeyValue() throws IOException {
        return Files.readString(encryptionKey()).trim();
    }

    /** A platform token as order-sync-service issues them, for any tenant and roles. */
    String token(String tenant, List<String> roles, long validSeconds, String teamId)
            throws IOException, GeneralSecurityException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("stack-" + tenant);
        claims.setClaim("upn", "stack-" + tenant);
        claims.setClaim("tenant_id", tenant);
        if (teamId != null) {
            claims.setClaim("team_id", teamId);
        }
        claims.setStringListClaim("groups", roles);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(validSeconds);
        claims.setExpirationTime(expiry);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(readPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new GeneralSecurityException("could not sign token", e);
        }
    }

    private PrivateKey readPrivateKey() throws IOException, GeneralSecurityException {
        String body = Files.readString(privateKey(), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}

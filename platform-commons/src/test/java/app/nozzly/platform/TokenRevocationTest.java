package app.nozzly.platform;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import app.nozzly.testing.Envelopes;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A token revoked at logout (auth.token.revoked on auth.revocations) is refused here too; others still pass. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class TokenRevocationTest {

    @Test
    void aRevokedTokenIsRefusedAndOtherTokensOfTheUserStillWork() throws Exception {
        JwtClaims revokedClaims = TestTokens.claims("tenant-a", new String[] { "owner" }, 600);
        String revoked = TestTokens.sign(revokedClaims);
        String other = TestTokens.token("tenant-a", "owner");
        given().auth().oauth2(revoked).get("/api/widgets").then().statusCode(200);

        KafkaTopics.send("auth.revocations", revokedClaims.getJwtId(), revocation(revokedClaims.getJwtId(),
                String.valueOf(revokedClaims.getExpirationTime().getValue())));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> given().auth().oauth2(revoked).get("/api/widgets").then().statusCode(401));
        given().auth().oauth2(other).get("/api/widgets").then().statusCode(200);
    }

    @Test
    void aRevocationPastItsExpiryAndMalformedMessagesChangeNothing() throws Exception {
        JwtClaims stillValid = TestTokens.claims("tenant-a", new String[] { "owner" }, 600);
        JwtClaims marker = TestTokens.claims("tenant-a", new String[] { "owner" }, 600);
        // one key keeps the three messages in order: once the marker is refused, the first two were read
        KafkaTopics.send("auth.revocations", "ordered", "not a cloud event");
        KafkaTopics.send("auth.revocations", "ordered",
                revocation(stillValid.getJwtId(), "\"" + Instant.now().minusSeconds(60) + "\""));
        KafkaTopics.send("auth.revocations", "ordered", revocation(marker.getJwtId(), "null"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.sign(marker)).get("/api/widgets").then().statusCode(401));
        given().auth().oauth2(TestTokens.sign(stillValid)).get("/api/widgets").then().statusCode(200);
    }

    private static String revocation(String jti, String expiresAt) {
        return Envelopes.envelope("order-sync-service", "auth.token.revoked", jti, "tenant-a",
                Envelopes.data("{\"jti\":\"" + jti + "\",\"expires_at\":" + expiresAt + "}"));
    }
}

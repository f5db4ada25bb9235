package app.nozzly.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import app.nozzly.platform.identity.VerifiedTokens;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/** Tokens verified once are remembered, never beyond their expiry and never for a token of other text. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void bearerTokensAreParsedByTheRememberingParser() {
        assertThat(ClientProxy.unwrap(parser)).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        // expired 55 s ago: still inside the verifier's 60 s clock skew for a few more seconds
        String shortLived = TestTokens.sign(TestTokens.claims("tenant-a", new String[] { "owner" }, -55));
        given().auth().oauth2(shortLived).get("/api/widgets").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/widgets").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(
                () -> given().auth().oauth2(shortLived).get("/api/widgets").then().statusCode(401));
    }

    @Test
    void anotherTenantsClaimsUnderARememberedSignatureAreRefused() {
        String genuine = TestTokens.token("tenant-a", "owner");
        given().auth().oauth2(genuine).get("/api/widgets").then().statusCode(200);
        String[] parts = genuine.split("\\.");
        String[] other = TestTokens.token("tenant-b", "owner").split("\\.");

        given().auth().oauth2(parts[0] + "." + other[1] + "." + parts[2]).get("/api/widgets").then().statusCode(401);
        given().auth().oauth2(genuine).get("/api/widgets").then().statusCode(200);
    }
}

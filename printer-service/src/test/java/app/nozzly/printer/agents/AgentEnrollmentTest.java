package app.nozzly.printer.agents;

import static app.nozzly.printer.support.OfflinePrinters.prusa;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeProtocol;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import app.nozzly.testing.WebSocketFeed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Edge agents as a tenant's admin and a farm's agent see them: a code enrols one agent once, the credential opens
 * the agent's WebSocket and nothing else does, the agent shows online while connected, printers name it, and a
 * revoked agent is cut off at once and cannot come back. Another tenant sees none of it.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class AgentEnrollmentTest {

    private static final String ADMIN = TestTokens.bearer("agents-farm", "admin");
    private static final String VIEWER = TestTokens.bearer("agents-farm", "viewer");
    private static final String OTHER_ADMIN = TestTokens.bearer("agents-other", "admin");

    @TestHTTPResource("/")
    URI base;

    @Test
    void anAgentEnrolsOnceConnectsWithItsCredentialAndIsCutOffWhenRevoked() throws Exception {
        JsonPath code = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "back office pc")).post("/api/v1/agents/enrollment-codes").then()
                .statusCode(201).body("code", matchesPattern("[A-Z2-9]{4}-[A-Z2-9]{4}"))
                .body("expires_at", not(nullValue())).extract().jsonPath();

        JsonPath enrolled = enroll(code.getString("code").toLowerCase().replace("-", " "), 201).extract().jsonPath();
        String agentId = enrolled.getString("agent_id");
        String credential = enrolled.getString("credential");
        assertThat(enrolled.getString("name")).isEqualTo("back office pc");
        // single use: the same code again, an unknown one and an empty one are refused and enrol nobody
        enroll(code.getString("code"), 401).body("error.code", equalTo("INVALID_ENROLLMENT_CODE"));
        enroll("ZZZZ-ZZZZ", 401);
        enroll("", 400);
        given().header("Authorization", ADMIN).get("/api/v1/agents").then().statusCode(200)
                .body("agents.id", equalTo(List.of(agentId))).body("agents[0].status", equalTo("offline"))
                .body("agents[0]", not(hasKey("credential")));

        assertThatThrownBy(() -> connect("nze_not-a-credential")).isInstanceOf(ExecutionException.class)
                .hasStackTraceContaining("status code 401");
        assertThatThrownBy(() -> WebSocketFeed.open(agentSocket(), Map.of())).isInstanceOf(ExecutionException.class)
                .hasStackTraceContaining("status code 401");

        WebSocketFeed agent = connect(credential);
        agent.socket().sendText(EdgeProtocol.write(new EdgeMessage.Hello("1.2.3", "boot-1", "farm-pc", List.of())),
                true).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", VIEWER)
                .get("/api/v1/agents/" + agentId).then().statusCode(200).body("status", equalTo("online"))
                .body("version", equalTo("1.2.3")).body("host", equalTo("farm-pc")));

        // a printer is reached through the agent; another tenant can neither see the agent nor use it
        Map<String, Object> printer = new HashMap<>(prusa("through-agent"));
        printer.put("agent_id", agentId);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(printer).post("/api/v1/printers")
                .then().statusCode(201);
        given().header("Authorization", ADMIN).get("/api/v1/printers/through-agent").then()
                .body("agent_id", equalTo(agentId));
        given().header("Authorization", VIEWER).get("/api/v1/agents/" + agentId).then()
                .body("printers", equalTo(List.of("through-agent")));
        given().header("Authorization", OTHER_ADMIN).get("/api/v1/agents/" + agentId).then().statusCode(404);
        given().header("Authorization", OTHER_ADMIN).get("/api/v1/agents").then().statusCode(200)
                .body("agents.id", not(hasItem(agentId)));
        given().header("Authorization", OTHER_ADMIN).contentType(ContentType.JSON).body(printer)
                .post("/api/v1/printers").then().statusCode(422).body("error.code", equalTo("INVALID_PRINTER_CONFIG"));
        given().header("Authorization", OTHER_ADMIN).delete("/api/v1/agents/" + agentId).then().statusCode(404);

        // roles: a viewer reads but neither creates codes nor revokes; no token at all is 401
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/agents/enrollment-codes").then().statusCode(403);
        given().header("Authorization", VIEWER).delete("/api/v1/agents/" + agentId).then().statusCode(403);
        given().get("/api/v1/agents").then().statusCode(401);

        given().header("Authorization", ADMIN).delete("/api/v1/agents/" + agentId).then().statusCode(200)
                .body("status", equalTo("revoked")).body("revoked_at", not(nullValue()));
        assertThat(agent.closed().get(5, TimeUnit.SECONDS)).isEqualTo((int) EdgeProtocol.REVOKED);
        assertThatThrownBy(() -> connect(credential)).isInstanceOf(ExecutionException.class)
                .hasStackTraceContaining("status code 401");
        // a revoked agent takes no new printers
        Map<String, Object> another = new HashMap<>(prusa("after-revoke"));
        another.put("agent_id", agentId);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(another).post("/api/v1/printers")
                .then().statusCode(422).body("error.message", containsString("revoked"));
        given().header("Authorization", ADMIN).get("/api/v1/printers").then()
                .body("printers.id", not(hasItem("after-revoke")));
    }

    @Test
    void aCodeEnrolsItsAgentIntoTheTenantThatCreatedIt() {
        String code = given().header("Authorization", OTHER_ADMIN).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/agents/enrollment-codes").then().statusCode(201).extract().path("code");
        // the code belongs to the tenant that created it: the agent lands there, whoever's token is around
        String agentId = enroll(code, 201).extract().path("agent_id");
        given().header("Authorization", OTHER_ADMIN).get("/api/v1/agents/" + agentId).then().statusCode(200);
        given().header("Authorization", ADMIN).get("/api/v1/agents/" + agentId).then().statusCode(404);
    }

    private ValidatableResponse enroll(String code, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "farm-pc", "version", "1.2.3"))
                .post("/api/v1/agents/enroll").then().statusCode(status);
    }

    private WebSocketFeed connect(String credential) throws Exception {
        return WebSocketFeed.open(agentSocket(), Map.of(EdgeProtocol.CREDENTIAL_HEADER, credential));
    }

    private URI agentSocket() {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + EdgeProtocol.PATH);
    }
}

package app.nozzly.production.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.InventoryServiceResource;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import app.nozzly.testing.WebSocketFeed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** specs/001 "WebSocket Events": a tenant's client gets its batches' changes, in order, and never another tenant's. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@QuarkusTestResource(InventoryServiceResource.class)
class ProcessWebSocketTest {

    @TestHTTPResource("/api/v1/production/ws")
    URI endpoint;

    @Test
    void aTenantsClientReceivesItsBatchStatusChangesInOrderAndNeverAnotherTenants() throws Exception {
        ProcessFixtures a = new ProcessFixtures();
        ProcessFixtures b = new ProcessFixtures();
        ProcessFixtures.Plant plantA = a.plant(100, 0.1, 100, "cleaning");
        ProcessFixtures.Plant plantB = b.plant(100, 0.1, 100, "cleaning");
        Client clientA = connect(a.tenant);
        Client clientB = connect(b.tenant);

        String batchA = plantA.started(50);
        String batchB = plantB.started(40);
        a.toQualityCheck(batchA, 50);
        a.qualityCheck(batchA, ProcessFixtures.passingCheck()).statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> clientA.batchChanges(batchA).size() >= 3);
        assertThat(clientA.batchChanges(batchA)).extracting(m -> m.getString("data.new_status"))
                .containsExactly("in_progress", "quality_check", "completed");
        assertThat(clientA.batchChanges(batchA)).extracting(m -> m.getString("data.old_status"))
                .containsExactly("planned", "in_progress", "quality_check");
        assertThat(clientA.batchChanges(batchA).get(0).getString("data.reactor_id")).isEqualTo(plantA.reactorId);
        assertThat(clientA.events()).contains("production:reactor-update");

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> clientB.batchChanges(batchB).size() >= 1);
        assertThat(clientA.messages()).noneMatch(m -> m.contains(batchB) || m.contains(plantB.reactorId));
        assertThat(clientB.messages()).noneMatch(m -> m.contains(batchA) || m.contains(plantA.reactorId));
        clientA.close();
        clientB.close();
    }

    @Test
    void theSocketRequiresAToken() {
        Throwable refused = catchThrowable(() -> WebSocketFeed.open(ws(), Map.of()));
        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
    }

    @Test
    void theSocketNeedsTheViewerRoleAndTakesTheTokenFromAuthorizationOrTheSubprotocolCarrier() throws Exception {
        String tenant = "ws-" + UUID.randomUUID();
        assertThat(upgrade()).startsWith("HTTP/1.1 401");
        assertThat(upgrade("Authorization: " + TestTokens.bearer(tenant))).startsWith("HTTP/1.1 403");
        assertThat(upgrade("Authorization: " + TestTokens.bearer(tenant, "viewer"))).startsWith("HTTP/1.1 101");
        // what a browser can send: its WebSocket API sets no headers, only subprotocols (tokens: no spaces)
        String answer = upgrade("Sec-WebSocket-Protocol: bearer-token-carrier, quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode(TestTokens.bearer(tenant, "viewer"), StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(answer).startsWith("HTTP/1.1 101")
                .containsIgnoringCase("sec-websocket-protocol: bearer-token-carrier");
        assertThat(upgrade("Sec-WebSocket-Protocol: bearer-token-carrier, quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode(TestTokens.bearer(tenant), StandardCharsets.UTF_8).replace("+", "%20")))
                .startsWith("HTTP/1.1 403");
    }

    /** Sends an upgrade request with the given headers; answers the response's status line and headers. */
    private String upgrade(String... headers) throws Exception {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder("GET " + endpoint.getPath() + " HTTP/1.1\r\n")
                    .append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    private Client connect(String tenant) throws Exception {
        return WebSocketFeed.open(new Client(), ws(), Map.of("Authorization", TestTokens.bearer(tenant, "viewer")));
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    /** The production feed's messages, read as its events. */
    static final class Client extends WebSocketFeed {

        List<JsonPath> batchChanges(String batchId) {
            return messages().stream().map(JsonPath::from)
                    .filter(m -> "production:batch-status-change".equals(m.getString("event"))
                            && batchId.equals(m.getString("data.batch_id")))
                    .toList();
        }

        List<String> events() {
            return messages().stream().map(m -> JsonPath.from(m).getString("event")).toList();
        }
    }
}

package app.nozzly.printer.ws;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.security.Roles;
import app.nozzly.platform.persistence.TransactionEnd;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.live.LiveKey;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * specs/003 WebSocket API: {type, timestamp, data} messages of types printer_status, job_update, file_update and
 * system_alert, each only to connections of the tenant it concerns. The upgrade request needs the platform JWT in
 * the Authorization header and a viewer; a client (its address, {@link SocketClients}) holds at most
 * printer.rate-limit.websocket-connections connections per tenant (specs/003 "Rate Limiting": 10).
 */
@WebSocket(path = "/ws")
@RolesAllowed(Roles.VIEWER)
public class LiveSocket {

    private static final Logger LOG = Logger.getLogger(LiveSocket.class);
    private static final UserData.TypedKey<String> TENANT = UserData.TypedKey.forString("tenant");

    @Inject
    OpenConnections connections;

    @Inject
    ObjectMapper json;

    @Inject
    PrinterConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @OnOpen
    public void open(WebSocketConnection connection) {
        String tenant = identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("tenant_id") != null
                ? token.getClaim("tenant_id").toString().replace("\"", "")
                : null;
        if (tenant == null || tenant.isBlank()) {
            connection.close(new CloseReason(1008, "token has no tenant_id claim")).subscribe().with(ok -> { }, e -> { });
            return;
        }
        String client = connection.userData().get(SocketClients.CLIENT);
        // counting and joining are one step, so that simultaneous opens cannot all pass the limit
        synchronized (connections) {
            long open = connections.stream().filter(c -> c.isOpen() && tenant.equals(c.userData().get(TENANT))
                    && client.equals(c.userData().get(SocketClients.CLIENT))).count();
            if (open < config.rateLimit().websocketConnections()) {
                connection.userData().put(TENANT, tenant);
                return;
            }
        }
        LOG.debugf("tenant %s: client %s refused a WebSocket connection beyond its %d", tenant, client,
                config.rateLimit().websocketConnections());
        connection.close(new CloseReason(1008, "RATE_LIMIT_EXCEEDED: at most "
                + config.rateLimit().websocketConnections() + " WebSocket connections per client"))
                .subscribe().with(ok -> { }, e -> { });
    }

    public void printerStatus(LiveKey key, PrinterSnapshot s) {
        Map<String, Object> temperatures = new LinkedHashMap<>();
        temperatures.put("nozzle", s.temperatures().nozzle());
        temperatures.put("bed", s.temperatures().bed());
        if (s.temperatures().chamber() != null) {
            temperatures.put("chamber", s.temperatures().chamber());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("printer_id", key.printerId());
        data.put("status", s.state().apiStatus());
        data.put("progress", s.job().progress());
        data.put("temperatures", temperatures);
        data.put("job_name", s.job().name());
        data.put("supports_remote_control", s.readOnlyReason() == null);
        data.put("read_only_reason", s.readOnlyReason());
        send(key.tenant(), "printer_status", data);
    }

    /**
     * Sends once the current transaction has committed, and not at all when it rolls back: a client that hears of a
     * change finds it in the API, and never hears of one that did not happen. Outside a transaction, sends at once.
     */
    public void sendOnCommit(String tenant, String type, Object data) {
        int status = transaction.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            send(tenant, type, data);
        } else if (status == Status.STATUS_ACTIVE) {
            TransactionEnd.afterCommit(transaction, () -> send(tenant, type, data));
        }
        // any other status: the transaction is marked for rollback or already ending, and will not commit this
    }

    public void send(String tenant, String type, Object data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        message.put("data", data);
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unserializable " + type + " message", e);
        }
        connections.stream().filter(c -> tenant.equals(c.userData().get(TENANT)) && c.isOpen())
                .forEach(c -> c.sendText(text).subscribe().with(ok -> { },
                        e -> LOG.debugf("WebSocket %s: send failed: %s", c.id(), e.getMessage())));
    }
}

package app.nozzly.production.process.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import app.nozzly.platform.security.Roles;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.json.JsonString;

/**
 * specs/001 "WebSocket Events": a client of a tenant receives that tenant's production events, as
 * {"event": "production:batch-status-change", "data": {...}}. The upgrade needs a token with the viewer role, in
 * the Authorization header or, from browsers, in the Sec-WebSocket-Protocol header
 * "bearer-token-carrier, quarkus-http-upgrade#Authorization#Bearer%20<jwt>" (application.properties).
 * Tokens in query strings are refused on purpose: they end up in access logs.
 */
@WebSocket(path = "/api/v1/production/ws", endpointId = ProcessWebSocket.ENDPOINT_ID)
@RolesAllowed(Roles.VIEWER)
public class ProcessWebSocket {

    static final String ENDPOINT_ID = "production-process-events";
    static final UserData.TypedKey<String> TENANT = UserData.TypedKey.forString("tenant");

    private static final Logger LOG = Logger.getLogger(ProcessWebSocket.class);

    @Inject
    SecurityIdentity identity;

    @OnOpen
    void open(WebSocketConnection connection) {
        String tenant = tenantOf(identity);
        if (tenant == null) {
            connection.close(new CloseReason(1008, "token has no " + TenantContext.CLAIM + " claim")).await()
                    .indefinitely();
            return;
        }
        connection.userData().put(TENANT, tenant);
        LOG.debugf("production events socket %s opened for tenant %s", connection.id(), tenant);
    }

    private static String tenantOf(SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object claim = token.getClaim(TenantContext.CLAIM);
        if (claim instanceof JsonString json) {
            claim = json.getString();
        }
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }
}

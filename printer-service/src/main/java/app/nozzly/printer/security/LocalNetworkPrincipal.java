package app.nozzly.printer.security;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.platform.security.Roles;

/**
 * The caller of a local network request: shaped like a verified token naming the configured tenant, so tenancy,
 * WebSocket routing and rate limits treat it like any other caller of that tenant. Whoever stands at the farm's
 * own network runs the printers (operator: watch, print, pause, cancel, files); registering or removing printers
 * and where notifications go stay with the tenant's admins, who sign in with a token.
 */
final class LocalNetworkPrincipal implements JsonWebToken {

    static final String SUBJECT = "local-network";
    /** Operator and the role it implies (an identity made here is not augmented by the role hierarchy). */
    static final Set<String> ROLES = Set.of(Roles.OPERATOR, Roles.VIEWER);

    private final Map<String, Object> claims;

    LocalNetworkPrincipal(String tenant) {
        this.claims = Map.of(Claims.raw_token.name(), SUBJECT, Claims.sub.name(), SUBJECT, "tenant_id", tenant,
                Claims.groups.name(), ROLES);
    }

    @Override
    public String getName() {
        return SUBJECT;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked") // JsonWebToken's generic accessor: callers name the type of the claim they read
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }
}

package app.nozzly.printer.security;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of a local network request: shaped like a verified token naming the configured tenant, so tenancy,
 * WebSocket routing and rate limits treat it like any other caller of that tenant. It carries no roles.
 */
final class LocalNetworkPrincipal implements JsonWebToken {

    static final String SUBJECT = "local-network";

    private final Map<String, Object> claims;

    LocalNetworkPrincipal(String tenant) {
        this.claims = Map.of(Claims.raw_token.name(), SUBJECT, Claims.sub.name(), SUBJECT, "tenant_id", tenant,
                Claims.groups.name(), Set.of());
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

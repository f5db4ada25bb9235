package app.nozzly.printer.security;

import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.printer.config.PrinterConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * specs/003 local network mode ("Authentication: None"), opt-in through {@code printer.local-mode.tenant}: a
 * request to /api/v1/... or /ws that carries no Authorization header acts as that one tenant, as an operator
 * ({@link LocalNetworkPrincipal}). Requests with a token are left to the JWT mechanism, so the token's tenant and
 * roles rule; the specs/002 paths always need a token.
 */
@ApplicationScoped
public class LocalNetworkAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(LocalNetworkAuthentication.class);

    @Inject
    PrinterConfig config;

    @PostConstruct
    void announce() {
        config.localMode().tenant().ifPresent(tenant -> LOG.warnf(
                "local network mode: specs/003 requests without a token act as tenant %s", tenant));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Optional<String> tenant = config.localMode().tenant().filter(t -> !t.isBlank());
        if (tenant.isEmpty() || context.request().getHeader("Authorization") != null
                || !isLocalPath(context.normalizedPath())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new LocalNetworkPrincipal(tenant.get())).addRoles(LocalNetworkPrincipal.ROLES)
                .setAnonymous(false).build());
    }

    static boolean isLocalPath(String path) {
        return path != null && (path.startsWith("/api/v1/") || "/api/v1".equals(path) || "/ws".equals(path)
                || path.startsWith("/ws/"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // the JWT mechanism answers the challenge (401 with WWW-Authenticate: Bearer)
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }
}

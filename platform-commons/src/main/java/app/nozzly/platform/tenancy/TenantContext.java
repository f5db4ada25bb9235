package app.nozzly.platform.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;

/**
 * The tenant the current unit of work acts for: an explicit scope opened by {@link #callAs} (Kafka
 * consumers, relays, scheduled jobs) or else the verified {@code tenant_id} claim of the request's JWT.
 */
@ApplicationScoped
public class TenantContext {

    public static final String CLAIM = "tenant_id";
    /** The scope of the service's own work across tenants (loading every printer at start, say). */
    static final String SYSTEM = "*";

    private static final ThreadLocal<String> SCOPED = new ThreadLocal<>();

    @Inject
    Instance<JsonWebToken> jwt;

    public Optional<String> current() {
        String scoped = SCOPED.get();
        if (scoped != null) {
            return SYSTEM.equals(scoped) ? Optional.empty() : Optional.of(scoped);
        }
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return claimOf(jwt.get());
    }

    /** The current tenant; a request without one never reaches a resource (see {@link TenantClaimFilter}). */
    public String require() {
        return current().orElseThrow(() -> new IllegalStateException("no tenant in scope for this unit of work"));
    }

    public <T> T callAs(String tenant, Callable<T> work) {
        if (tenant == null || tenant.isBlank() || SYSTEM.equals(tenant)) {
            throw new IllegalArgumentException("tenant must be a tenant's id, not '" + tenant + "'");
        }
        return scoped(tenant, work);
    }

    /**
     * Runs the service's own work across every tenant (a job that loads all printers, a repair): its database
     * sessions see every tenant's rows. Nothing a request asks for runs here.
     */
    public <T> T callAsSystem(Callable<T> work) {
        return scoped(SYSTEM, work);
    }

    /** The value the database session of this unit of work is set to (TenantSessions). */
    String sessionTenant() {
        String scoped = SCOPED.get();
        return scoped != null ? scoped : current().orElse("");
    }

    private <T> T scoped(String tenant, Callable<T> work) {
        String previous = SCOPED.get();
        SCOPED.set(tenant);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                SCOPED.remove();
            } else {
                SCOPED.set(previous);
            }
        }
    }

    public void runAs(String tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    static Optional<String> claimOf(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim(CLAIM);
        if (claim instanceof JsonString json) {
            claim = json.getString();
        }
        if (claim == null || claim.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(claim.toString());
    }
}

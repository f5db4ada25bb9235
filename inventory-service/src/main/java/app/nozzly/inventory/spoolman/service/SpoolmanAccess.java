package app.nozzly.inventory.spoolman.service;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Runs one request of Spoolman's API as the tenant its key opens: an unknown or revoked key answers 404 for
 * everything. Our spools that Spoolman has not seen yet get their Spoolman ids first, so both views agree.
 */
@ApplicationScoped
public class SpoolmanAccess {

    @Inject
    SpoolmanKeys keys;

    @Inject
    TenantContext tenants;

    @Inject
    SpoolmanSpools spools;

    public <T> T call(String key, Function<SpoolmanKeys.Resolved, T> work) {
        SpoolmanKeys.Resolved resolved = resolve(key);
        return tenants.callAs(resolved.tenant(), () -> {
            spools.adopt();
            return work.apply(resolved);
        });
    }

    /** {@link #call} for work that answers nothing (a delete). */
    public void run(String key, Consumer<SpoolmanKeys.Resolved> work) {
        call(key, resolved -> {
            work.accept(resolved);
            return null;
        });
    }

    /** The tenant of a key, or Spoolman's 404 for a path it does not serve. */
    public SpoolmanKeys.Resolved resolve(String key) {
        return keys.resolve(key).orElseThrow(() -> new SpoolmanError(404, Map.of("detail", "Not Found")));
    }
}

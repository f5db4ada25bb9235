package app.nozzly.inventory.spoolman.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import app.nozzly.inventory.spoolman.SameOrigin;
import app.nozzly.inventory.spoolman.service.SpoolmanKeys;

/**
 * An upgrade to a Spoolman feed needs a key that is not revoked and a resource Spoolman has: else 404, as for
 * every request with that key; from a page of another origin it is refused (403). The key's tenant goes with the
 * connection.
 */
@ApplicationScoped
public class SpoolmanUpgradeCheck implements HttpUpgradeCheck {

    @Inject
    SpoolmanKeys keys;

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointId.startsWith(SpoolmanFeeds.PREFIX);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var request = context.httpRequest();
        if (!SameOrigin.trusted(request.getHeader("Origin"), request.getHeader("Host"),
                request.getHeader("X-Forwarded-Host"))) {
            return CheckResult.rejectUpgrade(403);
        }
        String resource = context.endpointId().equals(SpoolmanFeeds.ALL) ? null : context.pathParam("resource");
        if (resource != null && !SpoolmanSockets.RESOURCES.contains(resource)) {
            return CheckResult.rejectUpgrade(404);
        }
        String key = context.pathParam("key");
        return Uni.createFrom().item(() -> keys.resolve(key)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(resolved -> {
                    if (resolved.isEmpty()) {
                        return CheckResult.rejectUpgradeSync(404);
                    }
                    context.userData().put(SpoolmanSockets.TENANT, resolved.get().tenant());
                    context.userData().put(SpoolmanSockets.KEY, resolved.get().keyId().toString());
                    return CheckResult.permitUpgradeSync();
                });
    }
}

package app.nozzly.production.runs.client;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.client.InventoryModels.Model;
import app.nozzly.production.runs.client.InventoryModels.Movement;
import app.nozzly.production.runs.client.InventoryModels.MovementRequest;
import app.nozzly.production.runs.client.InventoryModels.Problem;
import app.nozzly.production.runs.client.InventoryModels.Reservation;
import app.nozzly.production.runs.client.InventoryModels.ReservationAdjustment;
import app.nozzly.production.runs.client.InventoryModels.ReservationRequest;
import app.nozzly.production.runs.client.InventoryModels.Spool;

/**
 * inventory-service for production runs, acting with the caller's token: absent items become empty Optionals,
 * missing stock an "insufficient inventory" 400 and an unreachable inventory a 503, all naming the item.
 */
@ApplicationScoped
public class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class);

    @Inject
    @RestClient
    InventoryApi api;

    @Inject
    JsonWebToken jwt;

    public Optional<Spool> spool(UUID id) {
        return find(() -> api.spool(bearer(), id), Spool.class, "spool " + id);
    }

    public Optional<Model> model(UUID id) {
        return find(() -> api.model(bearer(), id), Model.class, "model " + id);
    }

    /** The model a sku maps (issue 9 C2), its own sku or an extra one. */
    public Optional<Model> modelBySku(String sku) {
        return find(() -> api.modelBySku(bearer(), sku), Model.class, "sku " + sku);
    }

    /** Reserves a spool's filament; the same key again returns the first reservation. */
    public Reservation reserve(ReservationRequest request) {
        return expect(() -> api.reserve(bearer(), request), Reservation.class, "spool " + request.spoolId());
    }

    public void release(UUID reservationId) {
        expect(() -> api.release(bearer(), reservationId), Reservation.class, "reservation " + reservationId);
    }

    public Reservation adjust(UUID reservationId, double grams, UUID spoolId) {
        return expect(() -> api.adjust(bearer(), reservationId, new ReservationAdjustment(grams)), Reservation.class,
                "spool " + spoolId);
    }

    /** Moves stock atomically; the same idempotency key again answers the first movement and moves nothing. */
    public Movement move(MovementRequest request) {
        return expect(() -> api.move(bearer(), request), Movement.class, "movement " + request.idempotencyKey());
    }

    private <T> Optional<T> find(Supplier<Response> call, Class<T> type, String what) {
        try (Response response = call(call, what)) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            return Optional.of(read(response, type, what));
        }
    }

    private <T> T expect(Supplier<Response> call, Class<T> type, String what) {
        try (Response response = call(call, what)) {
            if (response.getStatus() == 404) {
                throw ProductionRunException.badRequest(capitalize(what) + " not found in inventory");
            }
            return read(response, type, what);
        }
    }

    private Response call(Supplier<Response> call, String what) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException | FaultToleranceException e) {
            LOG.warnf("inventory-service unreachable for %s of tenant %s: %s", what, jwt.getClaim("tenant_id"),
                    e.getMessage());
            throw ProductionRunException.inventoryUnavailable(
                    "Inventory service is unavailable (" + what + "); nothing was changed, please retry");
        }
    }

    private <T> T read(Response response, Class<T> type, String what) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return response.readEntity(type);
        }
        Problem problem = problem(response);
        if (status == 409) {
            String shortage = problem.lines() == null || problem.lines().isEmpty() ? ""
                    : problem.lines().stream()
                            .map(l -> "item " + l.itemId() + " needs " + l.requested() + " but has " + l.available()
                                    + " available")
                            .collect(Collectors.joining("; ", ": ", ""));
            throw ProductionRunException.insufficientInventory("Insufficient inventory for " + what + shortage);
        }
        if (status >= 400 && status < 500) {
            throw ProductionRunException.badRequest("Inventory refused " + what + ": " + problem.detail());
        }
        LOG.errorf("inventory-service answered %d for %s of tenant %s: %s", status, what, jwt.getClaim("tenant_id"),
                problem.detail());
        throw ProductionRunException.inventoryUnavailable(
                "Inventory service failed (" + what + "); nothing was changed, please retry");
    }

    private static Problem problem(Response response) {
        try {
            return response.readEntity(Problem.class);
        } catch (RuntimeException e) {
            return new Problem(null, null, response.getStatus(), "HTTP " + response.getStatus(), null);
        }
    }

    private String bearer() {
        return "Bearer " + jwt.getRawToken();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

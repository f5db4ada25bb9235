package app.nozzly.production.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.client.InventoryModels.Material;
import app.nozzly.production.client.InventoryModels.Model;
import app.nozzly.production.client.InventoryModels.Movement;
import app.nozzly.production.client.InventoryModels.MovementRequest;
import app.nozzly.production.client.InventoryModels.Problem;
import app.nozzly.production.client.InventoryModels.Product;
import app.nozzly.production.client.InventoryModels.Reservation;
import app.nozzly.production.client.InventoryModels.ReservationAdjustment;
import app.nozzly.production.client.InventoryModels.ReservationRequest;
import app.nozzly.production.client.InventoryModels.Shortage;
import app.nozzly.production.client.InventoryModels.Spool;

/**
 * inventory-service for production-service, acting with the caller's token (its tenant goes along): an absent item
 * is an empty Optional, and every other failure an error of the calling API family ({@link InventoryFailures})
 * naming the item. One instance per API family, made by {@link Inventories}.
 */
public final class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class);

    private final InventoryApi api;
    private final JsonWebToken jwt;
    private final TenantContext tenants;
    private final InventoryFailures failures;

    Inventory(InventoryApi api, JsonWebToken jwt, TenantContext tenants, InventoryFailures failures) {
        this.api = api;
        this.jwt = jwt;
        this.tenants = tenants;
        this.failures = failures;
    }

    public Optional<Spool> spool(UUID id) {
        return find(() -> api.spool(bearer(), id), Spool.class, "spool " + id);
    }

    public Optional<Model> model(UUID id) {
        return find(() -> api.model(bearer(), id), Model.class, "model " + id);
    }

    /** The model a sku maps, its own sku or an extra one. */
    public Optional<Model> modelBySku(String sku) {
        return find(() -> api.modelBySku(bearer(), sku), Model.class, "sku " + sku);
    }

    public Optional<Product> product(UUID id) {
        return find(() -> api.product(bearer(), id), Product.class, "product " + id);
    }

    public Optional<Material> material(UUID id) {
        return find(() -> api.material(bearer(), id), Material.class, "material " + id);
    }

    /** Reserves a spool's filament; the same key again returns the first reservation. */
    public Reservation reserve(ReservationRequest request) {
        return expect(() -> api.reserve(bearer(), request), Reservation.class, "spool " + request.spoolId(),
                Map.of());
    }

    public void release(UUID reservationId) {
        expect(() -> api.release(bearer(), reservationId), Reservation.class, "reservation " + reservationId,
                Map.of());
    }

    public Reservation adjust(UUID reservationId, double grams, UUID spoolId) {
        return expect(() -> api.adjust(bearer(), reservationId, new ReservationAdjustment(grams)), Reservation.class,
                "spool " + spoolId, Map.of());
    }

    /**
     * Moves every line or none; the same idempotency key again answers the first movement and moves nothing.
     * {@code itemNames} (may be empty) name the items of a shortage.
     */
    public Movement move(String what, MovementRequest request, Map<UUID, String> itemNames) {
        return expect(() -> api.move(bearer(), request), Movement.class, what, itemNames);
    }

    private <T> Optional<T> find(Supplier<Response> call, Class<T> type, String what) {
        try (Response response = call(call, what)) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            return Optional.of(read(response, type, what, Map.of()));
        }
    }

    private <T> T expect(Supplier<Response> call, Class<T> type, String what, Map<UUID, String> itemNames) {
        try (Response response = call(call, what)) {
            if (response.getStatus() == 404) {
                throw failures.absent(what, problem(response).detail());
            }
            return read(response, type, what, itemNames);
        }
    }

    /**
     * Calls inventory with the caller's transaction suspended: the REST client's I/O threads must never be associated
     * with it, or a failed call can leave it half rolled back and its writes committed. The client throws for 4xx
     * and 5xx answers: they are still inventory's answer, to be read.
     */
    private Response call(Supplier<Response> call, String what) {
        try {
            return QuarkusTransaction.suspendingExisting().call(call::get);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof WebApplicationException answer) {
                return answer.getResponse();
            }
            if (e.getCause() instanceof ProcessingException || e.getCause() instanceof FaultToleranceException) {
                LOG.warnf("inventory-service unreachable for %s of tenant %s: %s", what, tenant(),
                        e.getCause().getMessage());
                throw failures.unavailable(what);
            }
            throw e;
        }
    }

    private <T> T read(Response response, Class<T> type, String what, Map<UUID, String> itemNames) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return response.readEntity(type);
        }
        Problem problem = problem(response);
        if (status == 409) {
            List<Shortage> shortages = problem.lines() == null ? List.of() : problem.lines().stream()
                    .map(l -> new Shortage(l.itemId(), itemNames.get(l.itemId()), l.requested(), l.available()))
                    .toList();
            throw failures.insufficient(what, shortages, problem.detail());
        }
        if (status >= 400 && status < 500) {
            throw failures.refused(what, status, problem.detail());
        }
        LOG.errorf("inventory-service answered %d for %s of tenant %s: %s", status, what, tenant(), problem.detail());
        throw failures.unavailable(what);
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

    private String tenant() {
        return tenants.current().orElse("(none)");
    }
}

package app.nozzly.production.process.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.inventory.InventoryApi.Cause;
import app.nozzly.production.process.inventory.InventoryApi.Material;
import app.nozzly.production.process.inventory.InventoryApi.Movement;
import app.nozzly.production.process.inventory.InventoryApi.MovementLine;
import app.nozzly.production.process.inventory.InventoryApi.MovementRequest;
import app.nozzly.production.process.inventory.InventoryApi.Problem;
import app.nozzly.production.process.inventory.InventoryApi.Product;
import app.nozzly.production.process.inventory.InventoryApi.Shortage;

/**
 * inventory-service as process batches need it: products and materials by id (404 becomes empty), and
 * the atomic, idempotent movement that consumes a batch's raw materials (insufficient stock is PROD004).
 */
@ApplicationScoped
public class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class);
    private static final int ATTEMPTS = 3;

    @Inject
    @RestClient
    InventoryRestClient client;

    /** A material line to consume: quantity in the recipe's unit. */
    public record Need(UUID materialId, String materialName, BigDecimal quantity, String unit) {
    }

    public Optional<Product> product(UUID id) {
        return find(() -> client.product(id.toString()), Product.class, "product " + id);
    }

    public Optional<Material> material(UUID id) {
        return find(() -> client.material(id.toString()), Material.class, "material " + id);
    }

    /**
     * Consumes every line in one movement (all or nothing). The key makes a retry, even after a lost
     * answer, move stock once. Retried only on transport errors: the answer to a sent request is final.
     */
    public Movement consumeForBatch(UUID batchId, String batchNumber, List<Need> needs) {
        List<MovementLine> lines = new ArrayList<>();
        for (Need need : needs) {
            lines.add(new MovementLine("material", need.materialId().toString(), "consumption", need.quantity(),
                    need.unit(), null));
        }
        MovementRequest request = new MovementRequest("batch-" + batchId + "-start",
                new Cause("batch", batchId.toString(), batchNumber), "raw materials of batch " + batchNumber, lines);
        try (Response response = call(() -> client.move(request))) {
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                return response.readEntity(Movement.class);
            }
            Problem problem = readProblem(response);
            if (status == 409) {
                throw insufficient(needs, problem);
            }
            if (status == 404) {
                throw new ProcessException(ProcessErrorCode.MATERIAL_NOT_FOUND,
                        "a recipe material does not exist in inventory: " + detail(problem), Map.of());
            }
            if (status >= 400 && status < 500) {
                throw new ProcessException(ProcessErrorCode.VALIDATION_ERROR,
                        "inventory refused the consumption of batch " + batchNumber + ": " + detail(problem),
                        Map.of("inventory_status", status));
            }
            throw unavailable("consume materials of batch " + batchNumber, "status " + status + " " + detail(problem));
        }
    }

    /** Gives back what a batch start consumed when the batch could not be saved (compensation). */
    public void reverseBatchStart(UUID batchId, Movement movement) {
        List<MovementLine> lines = new ArrayList<>();
        for (InventoryApi.MovedLine line : movement.lines()) {
            if (line.lots() == null || line.lots().isEmpty()) {
                lines.add(new MovementLine(line.itemType(), line.itemId(), "reversal", line.quantity(), line.unit(),
                        null));
            } else {
                line.lots().forEach(lot -> lines.add(new MovementLine(line.itemType(), line.itemId(), "reversal",
                        lot.quantity(), line.unit(), lot.lotNumber())));
            }
        }
        MovementRequest request = new MovementRequest("batch-" + batchId + "-start-reversal",
                new Cause("batch", batchId.toString(), null), "batch start not recorded: stock given back", lines);
        try (Response response = call(() -> client.move(request))) {
            if (response.getStatus() >= 300) {
                throw unavailable("reverse the start of batch " + batchId,
                        "status " + response.getStatus() + " " + detail(readProblem(response)));
            }
        }
    }

    private static ProcessException insufficient(List<Need> needs, Problem problem) {
        List<Map<String, Object>> shortages = new ArrayList<>();
        List<Shortage> lines = problem == null || problem.lines() == null ? List.of() : problem.lines();
        for (Shortage shortage : lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("material_id", shortage.itemId());
            needs.stream().filter(n -> n.materialId().toString().equals(shortage.itemId())).findFirst()
                    .ifPresent(n -> line.put("material_name", n.materialName()));
            line.put("requested", shortage.requested());
            line.put("available", shortage.available());
            shortages.add(line);
        }
        return new ProcessException(ProcessErrorCode.PROD004,
                "insufficient raw materials for the batch: " + (shortages.isEmpty() ? detail(problem) : shortages),
                Map.of("shortages", shortages));
    }

    private <T> Optional<T> find(Supplier<Response> request, Class<T> type, String what) {
        try (Response response = call(request)) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                throw unavailable("read " + what, "status " + response.getStatus());
            }
            return Optional.of(response.readEntity(type));
        }
    }

    /**
     * Sends with up to {@value #ATTEMPTS} attempts on transport errors (every write carries an idempotency
     * key, so a resend moves nothing twice). The client's default mapper throws for 4xx/5xx: that answer
     * is still the inventory's, so it is returned to be read.
     */
    private static Response call(Supplier<Response> request) {
        ProcessingException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return request.get();
            } catch (WebApplicationException e) {
                return e.getResponse();
            } catch (ProcessingException e) {
                last = e;
                LOG.debugf("inventory-service attempt %d failed: %s", attempt, e.getMessage());
            }
        }
        throw unavailable("be reached", String.valueOf(last == null ? "no attempt" : last.getMessage()));
    }

    private static Problem readProblem(Response response) {
        try {
            return response.readEntity(Problem.class);
        } catch (RuntimeException e) {
            LOG.debugf("inventory answer %s without a readable problem body: %s", response.getStatus(), e.getMessage());
            return null;
        }
    }

    private static String detail(Problem problem) {
        return problem == null ? "(no detail)" : String.valueOf(problem.detail() != null ? problem.detail() : problem.title());
    }

    private static ProcessException unavailable(String action, String cause) {
        LOG.warnf("inventory-service could not %s: %s", action, cause);
        return new ProcessException(ProcessErrorCode.INVENTORY_UNAVAILABLE,
                "inventory-service could not " + action + " (" + cause + "); nothing was changed, retry later",
                Map.of());
    }
}

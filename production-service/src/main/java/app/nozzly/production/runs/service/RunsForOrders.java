package app.nozzly.production.runs.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.catalog.repository.Catalog;
import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.RunStatus;
import app.nozzly.production.runs.RunRequests.CreateRun;
import app.nozzly.production.runs.RunRequests.CreateRunForOrders;
import app.nozzly.production.runs.RunViews.RunDetail;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.runs.client.ForRuns;
import app.nozzly.production.client.InventoryModels.Model;
import app.nozzly.production.runs.client.OrderSync;

/**
 * POST /api/v1/production-runs/for-orders (our extension of specs/000 for specs/002 orders): reads each order from order-sync-service, maps each line's
 * sku to a model in inventory, and creates one run with one item per order line. Unmapped skus answer 422, an
 * unknown order 404, an order line already in an in-progress run 409; nothing is created then.
 */
@ApplicationScoped
@Transactional
public class RunsForOrders {

    @Inject
    OrderSync orderSync;

    @Inject
    @ForRuns
    Inventory inventory;

    @Inject
    ProductionRunService runs;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Catalog catalog;

    public RunDetail create(CreateRunForOrders request) {
        Set<Long> orderIds = new LinkedHashSet<>(request.orderIds());
        Map<String, Optional<Model>> models = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        List<RunItemService.OrderLine> lines = new ArrayList<>();
        for (long orderId : orderIds) {
            OrderSync.Order order = orderSync.order(orderId)
                    .orElseThrow(() -> ProductionRunException.notFound("Order " + orderId + " not found"));
            for (OrderSync.OrderItem item : order.itemsOrEmpty()) {
                if (item.id() == null || item.quantity() == null || item.quantity() < 1) {
                    continue;
                }
                if (item.sku() == null || item.sku().isBlank()) {
                    unmapped.add("order " + orderId + " item " + item.id() + " (" + item.title() + ") has no sku");
                    continue;
                }
                String sku = item.sku().strip();
                Optional<Model> model = models.computeIfAbsent(sku, inventory::modelBySku);
                if (model.isEmpty()) {
                    unmapped.add(sku);
                } else {
                    lines.add(new RunItemService.OrderLine(orderId, item.id(), model.get().id(), item.quantity()));
                }
            }
        }
        if (!unmapped.isEmpty()) {
            throw ProductionRunException.unprocessable("No model maps these skus: "
                    + String.join(", ", new LinkedHashSet<>(unmapped))
                    + "; map them with POST /api/v1/models/{id}/skus in inventory first");
        }
        if (lines.isEmpty()) {
            throw ProductionRunException.unprocessable("Orders " + orderIds + " have no items to produce");
        }
        CreateRun run = new CreateRun(request.runNumber(), request.startedAt(), request.notes(), List.of(),
                request.materials() == null ? List.of() : request.materials());
        String number = runs.numberFor(run);
        lockOrders(orderIds);
        List<Long> taken = ProductionRunItem.<ProductionRunItem>list("orderItemId in ?1 and runId in (select r.id"
                + " from ProductionRun r where r.status = ?2)", lines.stream().map(l -> l.orderItemId()).toList(),
                RunStatus.IN_PROGRESS).stream().map(i -> i.orderItemId).distinct().toList();
        if (!taken.isEmpty()) {
            throw ProductionRunException.conflict("Order items " + taken
                    + " are already in an in-progress production run; complete, fail or cancel it first");
        }
        models.values().forEach(model -> model.ifPresent(catalog::keep));
        return runs.create(run, number, lines);
    }

    /** Two concurrent runs for one order queue here: the second sees the first's items and answers 409. */
    private void lockOrders(Set<Long> orderIds) {
        String tenant = tenants.require();
        orderIds.stream().sorted().forEach(id -> em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, tenant + ":order:" + id).getSingleResult());
    }
}

package app.nozzly.production.runs.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.production.catalog.repository.Catalog;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunPlate;
import app.nozzly.production.runs.RunRequests.AddItem;
import app.nozzly.production.runs.RunRequests.UpdateItem;
import app.nozzly.production.runs.RunViews.ItemView;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.runs.client.ForRuns;
import app.nozzly.production.client.InventoryModels.Model;
import app.nozzly.production.runs.mapping.RunMapper;

/** Items of a run (specs/000 "Production Run Items"): add, update, delete while the run is in progress. */
@ApplicationScoped
@Transactional
public class RunItemService {

    @Inject
    Runs runs;

    @Inject
    @ForRuns
    Inventory inventory;

    @Inject
    RunMapper mapper;

    @Inject
    Catalog catalog;

    public ItemView add(UUID runId, AddItem request) {
        ProductionRun run = runs.lockInProgress(runId, "add items");
        return view(run, addTo(run, request));
    }

    public ItemView update(UUID runId, UUID itemId, UpdateItem request) {
        ProductionRun run = runs.lockInProgress(runId, "update items");
        ProductionRunItem item = find(run, itemId);
        if (request.quantity() != null) {
            item.quantity = request.quantity();
            run.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return view(run, item);
    }

    public void delete(UUID runId, UUID itemId) {
        ProductionRun run = runs.lockInProgress(runId, "delete items");
        ProductionRunItem item = find(run, itemId);
        if (ProductionRunPlate.count("runId = ?1 and modelId = ?2", runId, item.modelId) > 0) {
            throw ProductionRunException.invalidState("Item " + itemId + " (model " + item.modelId
                    + ") still has plates in production run " + run.runNumber + "; delete those plates first");
        }
        item.delete();
        run.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * specs/000 "Add Item": a model the run already prints (outside an order line) gets the quantity added to its
     * item, as Batchivo does; the spec's own example adds 3 of the model the create example prints 5 of.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ProductionRunItem addTo(ProductionRun run, AddItem request) {
        int quantity = request.quantity();
        Model model = inventory.model(request.modelId()).orElseThrow(() -> ProductionRunException.badRequest(
                "Model " + request.modelId() + " not found in inventory"));
        catalog.keep(model);
        ProductionRunItem existing = ProductionRunItem.<ProductionRunItem>find(
                "runId = ?1 and modelId = ?2 and orderItemId is null", run.id, request.modelId()).firstResult();
        if (existing != null) {
            long merged = (long) existing.quantity + quantity;
            if (merged > Integer.MAX_VALUE) {
                throw ApiProblem.invalidField("quantity", "quantity of model " + request.modelId() + " would exceed "
                        + Integer.MAX_VALUE);
            }
            existing.quantity = (int) merged;
            run.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return existing;
        }
        ProductionRunItem item = new ProductionRunItem();
        item.id = UUID.randomUUID();
        item.runId = run.id;
        item.modelId = request.modelId();
        item.quantity = quantity;
        item.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        item.persist();
        run.updatedAt = item.createdAt;
        return item;
    }

    /** An order line to produce: the model its sku maps and the order's quantity. */
    public record OrderLine(long orderId, long orderItemId, UUID modelId, int quantity) {
    }

    /** One item per order line; several lines may print the same model. */
    @Transactional(Transactional.TxType.MANDATORY)
    ProductionRunItem addFor(ProductionRun run, OrderLine line) {
        ProductionRunItem item = new ProductionRunItem();
        item.id = UUID.randomUUID();
        item.runId = run.id;
        item.modelId = line.modelId();
        item.quantity = line.quantity();
        item.orderId = line.orderId();
        item.orderItemId = line.orderItemId();
        item.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        item.persist();
        run.updatedAt = item.createdAt;
        return item;
    }

    private static ProductionRunItem find(ProductionRun run, UUID itemId) {
        return ProductionRunItem.<ProductionRunItem>findByIdOptional(itemId).filter(i -> i.runId.equals(run.id))
                .orElseThrow(() -> ProductionRunException.notFound("Item " + itemId + " not found in production run "
                        + run.runNumber));
    }

    private ItemView view(ProductionRun run, ProductionRunItem item) {
        return mapper.toView(item,
                PlateRollup.of(ProductionRunPlate.ofRun(run.id), ProductionRunItem.ofRun(run.id)), run,
                catalog.model(item.modelId));
    }
}

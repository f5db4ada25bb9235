package app.nozzly.inventory.models.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.models.Model;
import app.nozzly.inventory.models.rest.ModelApi;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.service.LedgerLine;
import app.nozzly.inventory.stock.service.StockLedger;

/** Models: printable products with a tenant-unique SKU and finished-goods stock in whole units. */
@ApplicationScoped
@Transactional
public class ModelService {

    @Inject
    StockLedger ledger;

    public ModelApi.ModelView create(ModelApi.ModelRequest request, String user) {
        if (request == null || blank(request.name()) || blank(request.sku())) {
            throw InventoryProblem.badRequest("name and sku are required");
        }
        validate(request);
        String sku = request.sku().trim();
        if (Model.count("sku", sku) > 0) {
            throw InventoryProblem.conflict("a model with sku " + sku + " already exists");
        }
        Model model = new Model();
        model.id = UUID.randomUUID();
        model.name = request.name().trim();
        model.sku = sku;
        model.description = request.description();
        model.estimatedGramsPerUnit = request.estimatedGramsPerUnit();
        model.estimatedPrintMinutesPerUnit = request.estimatedPrintMinutesPerUnit();
        model.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        model.updatedAt = model.createdAt;
        StockItem stock = StockItem.create(model.id, ItemTypes.MODEL, "units", null);
        stock.persist();
        model.persist();
        BigDecimal initial = request.finishedStockUnits();
        if (initial != null && initial.signum() < 0) {
            throw InventoryProblem.badRequest("finished_stock_units cannot be negative");
        }
        if (initial != null && initial.signum() > 0) {
            ledger.move(new Cause("user", user == null ? "unknown" : user, sku), null, "model " + sku + " created",
                    user, List.of(LedgerLine.simple(ItemTypes.MODEL, model.id, "receipt", false, initial, "units",
                            false, "initial finished stock")));
        }
        return ModelApi.view(model, stock);
    }

    public ModelApi.ModelView update(UUID id, ModelApi.ModelRequest request) {
        Model model = require(id);
        if (request == null) {
            throw InventoryProblem.badRequest("a JSON body is required");
        }
        validate(request);
        if (!blank(request.sku()) && !request.sku().trim().equals(model.sku)) {
            if (Model.count("sku", request.sku().trim()) > 0) {
                throw InventoryProblem.conflict("a model with sku " + request.sku().trim() + " already exists");
            }
            model.sku = request.sku().trim();
        }
        if (!blank(request.name())) {
            model.name = request.name().trim();
        }
        if (request.description() != null) {
            model.description = request.description();
        }
        if (request.estimatedGramsPerUnit() != null) {
            model.estimatedGramsPerUnit = request.estimatedGramsPerUnit();
        }
        if (request.estimatedPrintMinutesPerUnit() != null) {
            model.estimatedPrintMinutesPerUnit = request.estimatedPrintMinutesPerUnit();
        }
        if (request.finishedStockUnits() != null) {
            throw InventoryProblem.badRequest("finished_stock_units changes only through /api/v1/inventory/movements");
        }
        model.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return ModelApi.view(model, StockItem.findById(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModelApi.ModelView get(UUID id) {
        return ModelApi.view(require(id), StockItem.findById(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<ModelApi.ModelView> list(String sku, String q, Paging paging) {
        var query = !blank(sku) ? Model.<Model>find("sku = ?1", Sort.ascending("name", "id"), sku.trim())
                : !blank(q) ? Model.<Model>find("lower(name) like ?1 or lower(sku) like ?1", Sort.ascending("name", "id"),
                        "%" + q.trim().toLowerCase(Locale.ROOT) + "%")
                : Model.<Model>findAll(Sort.ascending("name", "id"));
        long total = query.count();
        List<Model> models = query.page(Page.of(paging.page() - 1, paging.size())).list();
        Map<UUID, StockItem> stock = models.isEmpty() ? Map.of()
                : StockItem.<StockItem>list("id in ?1", models.stream().map(m -> m.id).toList()).stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return paging.result(models.stream().map(m -> ModelApi.view(m, stock.get(m.id))).toList(), total);
    }

    private static Model require(UUID id) {
        return Model.<Model>findByIdOptional(id)
                .orElseThrow(() -> InventoryProblem.notFound("model " + id + " not found"));
    }

    private static void validate(ModelApi.ModelRequest request) {
        if (request.name() != null && request.name().length() > 200 || request.sku() != null
                && request.sku().length() > 64) {
            throw InventoryProblem.badRequest("name is limited to 200 and sku to 64 characters");
        }
        if (request.estimatedGramsPerUnit() != null && request.estimatedGramsPerUnit().signum() < 0) {
            throw InventoryProblem.badRequest("estimated_grams_per_unit cannot be negative");
        }
        if (request.estimatedPrintMinutesPerUnit() != null && request.estimatedPrintMinutesPerUnit() < 0) {
            throw InventoryProblem.badRequest("estimated_print_minutes_per_unit cannot be negative");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

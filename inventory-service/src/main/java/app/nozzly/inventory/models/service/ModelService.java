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
import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.models.Model;
import app.nozzly.inventory.models.events.ModelEvents;
import app.nozzly.inventory.models.repository.ModelSkus;
import app.nozzly.inventory.models.rest.ModelApi;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.service.LedgerLine;
import app.nozzly.inventory.stock.service.StockLedger;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.ErrorCodes;

/**
 * Models: printable products with finished-goods stock in whole units, mapped by their own sku and extra skus
 * (module README, "Skus of models"), every sku unique per tenant across all models.
 */
@ApplicationScoped
@Transactional
public class ModelService {

    @Inject
    StockLedger ledger;

    @Inject
    ModelSkus skus;

    @Inject
    ModelEvents events;

    public ModelApi.ModelView create(ModelApi.CreateModel request, String user) {
        String sku = request.sku().trim();
        requireFree(sku, null);
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
        skus.add(model.id, sku, true);
        events.created(model);
        BigDecimal initial = request.finishedStockUnits();
        if (initial != null && initial.signum() > 0) {
            ledger.move(new Cause(CauseType.user, user == null ? "unknown" : user, sku), null,
                    "model " + sku + " created", user, List.of(LedgerLine.simple(ItemTypes.MODEL, model.id,
                            "receipt", false, initial, "units", false, "initial finished stock")));
        }
        return view(model, stock);
    }

    public ModelApi.ModelView update(UUID id, ModelApi.UpdateModel request) {
        Model model = require(id);
        if (!blank(request.sku()) && !request.sku().trim().equals(model.sku)) {
            String sku = request.sku().trim();
            requireFree(sku, model.id);
            // one of its extra skus becomes the model's own sku
            skus.remove(model.id, sku);
            skus.renamePrimary(model.id, sku);
            model.sku = sku;
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
        model.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.changed(model);
        return view(model, StockItem.findById(id));
    }

    public ModelApi.ModelView get(UUID id) {
        return view(require(id), StockItem.findById(id));
    }

    /** Maps one more sku to the model; adding a sku it already has changes nothing. */
    public ModelApi.ModelView addSku(UUID id, ModelApi.SkuRequest request) {
        Model model = require(id);
        String sku = request.sku().trim();
        requireFree(sku, model.id);
        if (skus.owner(sku).isEmpty()) {
            skus.add(model.id, sku, false);
            model.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return view(model, StockItem.findById(id));
    }

    /** Unmaps an extra sku; the model's own sku only changes with PATCH. */
    public void removeSku(UUID id, String sku) {
        Model model = require(id);
        String trimmed = sku == null ? "" : sku.trim();
        if (skus.isPrimary(model.id, trimmed)) {
            throw ApiProblem.conflict("sku " + trimmed + " is model " + id
                    + "'s own sku; change it with PATCH /api/v1/models/" + id);
        }
        if (skus.remove(model.id, trimmed) == 0) {
            throw new ApiProblem(404, ErrorCodes.NOT_FOUND, "sku " + trimmed + " does not map model " + id,
                    Map.of("id", trimmed));
        }
        model.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public ModelApi.ModelView bySku(String sku) {
        String trimmed = sku == null ? "" : sku.trim();
        UUID id = skus.owner(trimmed)
                .orElseThrow(() -> new ApiProblem(404, ErrorCodes.NOT_FOUND, "no model maps sku " + trimmed,
                        Map.of("id", trimmed)));
        return get(id);
    }

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
        Map<UUID, List<String>> skusOf = skus.of(models.stream().map(m -> m.id).toList());
        return paging.result(models.stream()
                .map(m -> ModelApi.view(m, stock.get(m.id), skusOf.getOrDefault(m.id, List.of(m.sku)))).toList(),
                total);
    }

    private ModelApi.ModelView view(Model model, StockItem stock) {
        return ModelApi.view(model, stock, skus.of(model.id));
    }

    /** 409 when another model already maps {@code sku}. */
    private void requireFree(String sku, UUID self) {
        skus.owner(sku).filter(owner -> !owner.equals(self)).ifPresent(owner -> {
            throw ApiProblem.conflict("sku " + sku + " already maps model " + owner);
        });
    }

    private static Model require(UUID id) {
        return Model.<Model>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("model", id));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

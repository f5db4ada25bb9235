package app.nozzly.inventory.materials.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.materials.Material;
import app.nozzly.inventory.materials.rest.MaterialApi;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.service.InitialStock;
import app.nozzly.inventory.stock.service.StockLedger;

/** Bulk raw materials: tenant-unique code, a unit of mass or volume, stock in lots. */
@ApplicationScoped
@Transactional
public class MaterialService {

    private static final Set<String> UNITS = Set.of("g", "kg", "ml", "L");

    @Inject
    StockLedger ledger;

    @Inject
    InitialStock initialStock;

    public MaterialApi.MaterialView create(MaterialApi.MaterialRequest request, String user) {
        if (request == null || blank(request.code()) || blank(request.name())) {
            throw InventoryProblem.badRequest("code and name are required");
        }
        if (request.unit() == null || !UNITS.contains(request.unit())) {
            throw InventoryProblem.badRequest("unit must be one of g, kg, ml, L");
        }
        validate(request);
        String code = request.code().trim();
        if (Material.count("code", code) > 0) {
            throw InventoryProblem.conflict("a material with code " + code + " already exists");
        }
        Material material = new Material();
        material.id = UUID.randomUUID();
        material.code = code;
        material.name = request.name().trim();
        material.description = request.description();
        material.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        material.updatedAt = material.createdAt;
        StockItem stock = StockItem.create(material.id, ItemTypes.MATERIAL, request.unit(), null);
        stock.persist();
        material.persist();
        initialStock.receive(ItemTypes.MATERIAL, material.id, request.unit(), code, request.lots(), user);
        ledger.changeThreshold(ItemTypes.MATERIAL, material.id, request.lowStockThreshold());
        return MaterialApi.view(material, stock);
    }

    public MaterialApi.MaterialView update(UUID id, MaterialApi.MaterialRequest request) {
        Material material = require(id);
        if (request == null) {
            throw InventoryProblem.badRequest("a JSON body is required");
        }
        validate(request);
        if (request.unit() != null || request.lots() != null) {
            throw InventoryProblem.badRequest("unit and lots are set on creation; receive stock through"
                    + " /api/v1/inventory/movements");
        }
        if (!blank(request.code()) && !request.code().trim().equals(material.code)) {
            if (Material.count("code", request.code().trim()) > 0) {
                throw InventoryProblem.conflict("a material with code " + request.code().trim() + " already exists");
            }
            material.code = request.code().trim();
        }
        if (!blank(request.name())) {
            material.name = request.name().trim();
        }
        if (request.description() != null) {
            material.description = request.description();
        }
        material.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (request.lowStockThreshold() != null) {
            ledger.changeThreshold(ItemTypes.MATERIAL, id, request.lowStockThreshold());
        }
        return MaterialApi.view(material, StockItem.findById(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MaterialApi.MaterialView get(UUID id) {
        return MaterialApi.view(require(id), StockItem.findById(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<MaterialApi.MaterialView> list(String code, Paging paging) {
        var query = blank(code) ? Material.<Material>findAll(Sort.ascending("code", "id"))
                : Material.<Material>find("code = ?1", Sort.ascending("code", "id"), code.trim());
        long total = query.count();
        List<MaterialApi.MaterialView> items = query.page(Page.of(paging.page() - 1, paging.size())).list().stream()
                .map(m -> MaterialApi.view(m, StockItem.findById(m.id))).toList();
        return paging.result(items, total);
    }

    private static Material require(UUID id) {
        return Material.<Material>findByIdOptional(id)
                .orElseThrow(() -> InventoryProblem.notFound("material " + id + " not found"));
    }

    private static void validate(MaterialApi.MaterialRequest request) {
        if (request.code() != null && request.code().length() > 64
                || request.name() != null && request.name().length() > 200) {
            throw InventoryProblem.badRequest("code is limited to 64 and name to 200 characters");
        }
        if (request.lowStockThreshold() != null && request.lowStockThreshold().signum() < 0) {
            throw InventoryProblem.badRequest("low_stock_threshold cannot be negative");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package app.nozzly.inventory.materials.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.materials.Material;
import app.nozzly.inventory.materials.rest.MaterialApi;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.service.InitialStock;
import app.nozzly.inventory.stock.service.StockLedger;
import app.nozzly.platform.errors.ApiProblem;

/** Bulk raw materials: tenant-unique code, a unit of mass or volume, stock in lots. */
@ApplicationScoped
@Transactional
public class MaterialService {

    @Inject
    StockLedger ledger;

    @Inject
    InitialStock initialStock;

    public MaterialApi.MaterialView create(MaterialApi.CreateMaterial request, String user) {
        if (!request.unit().isMassOrVolume()) {
            throw ApiProblem.invalidField("unit", "must be a unit of mass or volume: g, kg, ml or L");
        }
        String code = request.code().trim();
        requireFree(code);
        Material material = new Material();
        material.id = UUID.randomUUID();
        material.code = code;
        material.name = request.name().trim();
        material.description = request.description();
        material.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        material.updatedAt = material.createdAt;
        String unit = request.unit().name();
        StockItem stock = StockItem.create(material.id, ItemTypes.MATERIAL, unit, null);
        stock.persist();
        material.persist();
        initialStock.receive(ItemTypes.MATERIAL, material.id, unit, code, request.lots(), user);
        ledger.changeThreshold(ItemTypes.MATERIAL, material.id, request.lowStockThreshold());
        return MaterialApi.view(material, stock);
    }

    public MaterialApi.MaterialView update(UUID id, MaterialApi.UpdateMaterial request) {
        Material material = require(id);
        if (!blank(request.code()) && !request.code().trim().equals(material.code)) {
            requireFree(request.code().trim());
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

    /** 409 when the tenant has a material of this code; a concurrent twin is refused by the unique key. */
    private static void requireFree(String code) {
        if (Material.count("code", code) > 0) {
            throw ApiProblem.conflict("a material with code " + code + " already exists");
        }
    }

    private static Material require(UUID id) {
        return Material.<Material>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("material", id));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

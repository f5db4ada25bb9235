package app.nozzly.inventory.products.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.InventoryProblem;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.Units;
import app.nozzly.inventory.products.Product;
import app.nozzly.inventory.products.rest.ProductApi;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.service.InitialStock;
import app.nozzly.inventory.stock.service.StockLedger;

/** Formulated products: tenant-unique SKU, a unit, finished stock in lots. */
@ApplicationScoped
@Transactional
public class ProductService {

    @Inject
    StockLedger ledger;

    @Inject
    InitialStock initialStock;

    public ProductApi.ProductView create(ProductApi.ProductRequest request, String user) {
        if (request == null || blank(request.name()) || blank(request.sku())) {
            throw InventoryProblem.badRequest("name and sku are required");
        }
        String unit = request.unit() == null ? "units" : request.unit();
        if (!Units.isValid(unit)) {
            throw InventoryProblem.badRequest("unit must be one of g, kg, ml, L, units");
        }
        validate(request);
        String sku = request.sku().trim();
        if (Product.count("sku", sku) > 0) {
            throw InventoryProblem.conflict("a product with sku " + sku + " already exists");
        }
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.name = request.name().trim();
        product.sku = sku;
        product.description = request.description();
        product.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        product.updatedAt = product.createdAt;
        StockItem stock = StockItem.create(product.id, ItemTypes.PRODUCT, unit, null);
        stock.persist();
        product.persist();
        initialStock.receive(ItemTypes.PRODUCT, product.id, unit, sku, request.lots(), user);
        ledger.changeThreshold(ItemTypes.PRODUCT, product.id, request.lowStockThreshold());
        return ProductApi.view(product, stock);
    }

    public ProductApi.ProductView update(UUID id, ProductApi.ProductRequest request) {
        Product product = require(id);
        if (request == null) {
            throw InventoryProblem.badRequest("a JSON body is required");
        }
        validate(request);
        if (request.unit() != null || request.lots() != null) {
            throw InventoryProblem.badRequest("unit and lots are set on creation; stock moves through"
                    + " /api/v1/inventory/movements");
        }
        if (!blank(request.sku()) && !request.sku().trim().equals(product.sku)) {
            if (Product.count("sku", request.sku().trim()) > 0) {
                throw InventoryProblem.conflict("a product with sku " + request.sku().trim() + " already exists");
            }
            product.sku = request.sku().trim();
        }
        if (!blank(request.name())) {
            product.name = request.name().trim();
        }
        if (request.description() != null) {
            product.description = request.description();
        }
        product.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (request.lowStockThreshold() != null) {
            ledger.changeThreshold(ItemTypes.PRODUCT, id, request.lowStockThreshold());
        }
        return ProductApi.view(product, StockItem.findById(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductApi.ProductView get(UUID id) {
        return ProductApi.view(require(id), StockItem.findById(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<ProductApi.ProductView> list(String sku, Paging paging) {
        var query = blank(sku) ? Product.<Product>findAll(Sort.ascending("name", "id"))
                : Product.<Product>find("sku = ?1", Sort.ascending("name", "id"), sku.trim());
        long total = query.count();
        List<ProductApi.ProductView> items = query.page(Page.of(paging.page() - 1, paging.size())).list().stream()
                .map(p -> ProductApi.view(p, StockItem.findById(p.id))).toList();
        return paging.result(items, total);
    }

    private static Product require(UUID id) {
        return Product.<Product>findByIdOptional(id)
                .orElseThrow(() -> InventoryProblem.notFound("product " + id + " not found"));
    }

    private static void validate(ProductApi.ProductRequest request) {
        if (request.sku() != null && request.sku().length() > 64
                || request.name() != null && request.name().length() > 200) {
            throw InventoryProblem.badRequest("sku is limited to 64 and name to 200 characters");
        }
        if (request.lowStockThreshold() != null && request.lowStockThreshold().signum() < 0) {
            throw InventoryProblem.badRequest("low_stock_threshold cannot be negative");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

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

import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.Unit;
import app.nozzly.inventory.products.Product;
import app.nozzly.inventory.products.rest.ProductApi;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.service.InitialStock;
import app.nozzly.inventory.stock.service.StockLedger;
import app.nozzly.platform.errors.ApiProblem;

/** Formulated products: tenant-unique SKU, a unit, finished stock in lots. */
@ApplicationScoped
@Transactional
public class ProductService {

    @Inject
    StockLedger ledger;

    @Inject
    InitialStock initialStock;

    public ProductApi.ProductView create(ProductApi.CreateProduct request, String user) {
        String unit = (request.unit() == null ? Unit.units : request.unit()).name();
        String sku = request.sku().trim();
        requireFree(sku);
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

    public ProductApi.ProductView update(UUID id, ProductApi.UpdateProduct request) {
        Product product = require(id);
        if (!blank(request.sku()) && !request.sku().trim().equals(product.sku)) {
            requireFree(request.sku().trim());
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

    /** 409 when the tenant has a product of this sku; a concurrent twin is refused by the unique key. */
    private static void requireFree(String sku) {
        if (Product.count("sku", sku) > 0) {
            throw ApiProblem.conflict("a product with sku " + sku + " already exists");
        }
    }

    private static Product require(UUID id) {
        return Product.<Product>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("product", id));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package app.nozzly.production.catalog;

import java.util.UUID;

/** A model of inventory-service as runs show it (specs/000 item.model), from production's own copy. */
public record CatalogModel(UUID id, String name, String sku) {
}

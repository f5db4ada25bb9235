package app.nozzly.production.catalog;

import java.util.UUID;

/**
 * A spool of inventory-service as runs show it (specs/000 material.spool), from production's own copy; its cost per
 * gram prices a run's estimate. materialTypeCode is null when the copy knows no material type.
 */
public record CatalogSpool(UUID id, String spoolId, String brand, String color, String materialTypeCode,
        String materialTypeName, Double costPerGram) {
}

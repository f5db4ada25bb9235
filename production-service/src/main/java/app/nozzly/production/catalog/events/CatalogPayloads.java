package app.nozzly.production.catalog.events;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Our own copies of inventory.catalog's payloads (asyncapi.yaml; tolerant reader: unknown fields ignored). */
public final class CatalogPayloads {

    public static final Set<String> MODEL_TYPES = Set.of("inventory.model.created", "inventory.model.changed");
    public static final Set<String> SPOOL_TYPES = Set.of("inventory.spool.created", "inventory.spool.changed");

    private CatalogPayloads() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Model(UUID id, String name, String sku, OffsetDateTime updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Spool(UUID id, String spoolId, String brand, String color, MaterialType materialType,
            Double costPerGram, OffsetDateTime updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaterialType(String code, String name) {
    }
}

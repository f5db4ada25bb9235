package app.nozzly.inventory.materialtypes.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import app.nozzly.inventory.materialtypes.MaterialType;

/** Wire records of /api/v1/material-types. */
public final class MaterialTypeApi {

    private MaterialTypeApi() {
    }

    public record MaterialTypeRequest(String code, String name, @JsonProperty("density_g_cm3") BigDecimal densityGCm3, Integer nozzleTempC,
            Integer bedTempC) {
    }

    public record MaterialTypeView(UUID id, String code, String name, @JsonProperty("density_g_cm3") BigDecimal densityGCm3, Integer nozzleTempC,
            Integer bedTempC, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** The short form embedded in spools (specs/000: material_type {code, name}). */
    public record MaterialTypeRef(String code, String name) {
    }

    public static MaterialTypeView view(MaterialType t) {
        return new MaterialTypeView(t.id, t.code, t.name, t.densityGCm3, t.nozzleTempC, t.bedTempC, t.createdAt,
                t.updatedAt);
    }
}

package app.nozzly.inventory.materialtypes.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import app.nozzly.inventory.materialtypes.MaterialType;

/** Wire records of /api/v1/material-types; bounds are those of the material_type table. */
public final class MaterialTypeApi {

    private MaterialTypeApi() {
    }

    /** A new material type; the code is stored upper case, the name defaults to it. */
    public record CreateMaterialType(@NotBlank @Size(max = 32) String code, @Size(max = 100) String name,
            @JsonProperty("density_g_cm3") @DecimalMin(value = "0", inclusive = false) @DecimalMax("30")
            @Digits(integer = 4, fraction = 4) BigDecimal densityGCm3,
            @Min(0) @Max(600) Integer nozzleTempC, @Min(0) @Max(200) Integer bedTempC) {
    }

    /** Changes what is given; the code cannot change (giving the same code is accepted). */
    public record UpdateMaterialType(@Size(max = 32) String code, @Size(max = 100) String name,
            @JsonProperty("density_g_cm3") @DecimalMin(value = "0", inclusive = false) @DecimalMax("30")
            @Digits(integer = 4, fraction = 4) BigDecimal densityGCm3,
            @Min(0) @Max(600) Integer nozzleTempC, @Min(0) @Max(200) Integer bedTempC) {
    }

    public record MaterialTypeView(UUID id, String code, String name,
            @JsonProperty("density_g_cm3") BigDecimal densityGCm3, Integer nozzleTempC, Integer bedTempC,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** The short form embedded in spools (specs/000: material_type {code, name}). */
    public record MaterialTypeRef(String code, String name) {
    }

    public static MaterialTypeView view(MaterialType t) {
        return new MaterialTypeView(t.id, t.code, t.name, t.densityGCm3, t.nozzleTempC, t.bedTempC, t.createdAt,
                t.updatedAt);
    }
}

package app.nozzly.production.process.reactors;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.process.batches.BatchApi.BatchView;

/** specs/001 "Gestión de Reactores" records; numbers are bounded like their numeric(p, s) columns (V20). */
public final class ReactorApi {

    private ReactorApi() {
    }

    /** POST /reactors (extension): a reactor and its safe ranges. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateReactor(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal capacity,
            @NotNull @Digits(integer = 6, fraction = 2) BigDecimal minTemperature,
            @NotNull @Digits(integer = 6, fraction = 2) BigDecimal maxTemperature,
            @NotNull @Positive @Digits(integer = 5, fraction = 3) BigDecimal maxPressure,
            @Digits(integer = 6, fraction = 2) BigDecimal temperature,
            @PositiveOrZero @Digits(integer = 5, fraction = 3) BigDecimal pressure,
            OffsetDateTime lastMaintenance,
            @NotNull OffsetDateTime nextMaintenance,
            @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal maintenanceHours) {
    }

    /** UpdateReactorStatus. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateReactorStatus(
            @NotNull ReactorStatus status,
            @Digits(integer = 6, fraction = 2) BigDecimal temperature,
            @PositiveOrZero @Digits(integer = 5, fraction = 3) BigDecimal pressure,
            @PositiveOrZero @Digits(integer = 7, fraction = 1) BigDecimal mixingSpeed,
            @DecimalMin("0") @DecimalMax("14") @Digits(integer = 2, fraction = 2) BigDecimal phLevel,
            @Size(max = 2000) String notes) {
    }

    /**
     * PUT /reactors/{id}/maintenance (extension): record maintenance done (last_maintenance, resets
     * maintenance_hours) and/or reschedule next_maintenance, never more than 7 days past its due date.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Maintenance(
            OffsetDateTime lastMaintenance,
            @NotNull OffsetDateTime nextMaintenance,
            @Size(max = 2000) String notes) {
    }

    /** Reactor, plus its safe ranges (min_temperature, max_temperature, max_pressure). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReactorView(
            UUID id,
            String name,
            ReactorStatus status,
            BigDecimal capacity,
            BatchView currentBatch,
            BigDecimal temperature,
            BigDecimal pressure,
            BigDecimal mixingSpeed,
            BigDecimal phLevel,
            OffsetDateTime lastMaintenance,
            OffsetDateTime nextMaintenance,
            BigDecimal maintenanceHours,
            BigDecimal minTemperature,
            BigDecimal maxTemperature,
            BigDecimal maxPressure,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }
}

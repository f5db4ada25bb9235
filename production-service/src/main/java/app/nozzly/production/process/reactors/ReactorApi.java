package app.nozzly.production.process.reactors;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.process.batches.BatchApi.BatchView;

/** specs/001 "Gestión de Reactores" records. */
public final class ReactorApi {

    private ReactorApi() {
    }

    /** POST /reactors (extension): a reactor and its safe ranges. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateReactor(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive BigDecimal capacity,
            @NotNull BigDecimal minTemperature,
            @NotNull BigDecimal maxTemperature,
            @NotNull @Positive BigDecimal maxPressure,
            BigDecimal temperature,
            @PositiveOrZero BigDecimal pressure,
            OffsetDateTime lastMaintenance,
            @NotNull OffsetDateTime nextMaintenance,
            @PositiveOrZero BigDecimal maintenanceHours) {
    }

    /** UpdateReactorStatus. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateReactorStatus(
            @NotNull ReactorStatus status,
            BigDecimal temperature,
            @PositiveOrZero BigDecimal pressure,
            @PositiveOrZero BigDecimal mixingSpeed,
            @DecimalMin("0") @DecimalMax("14") BigDecimal phLevel,
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

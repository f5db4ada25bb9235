package app.nozzly.production.process.stations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.process.orders.OrderApi.OrderView;
import app.nozzly.production.support.Priority;

/** specs/001 "Estaciones de Producción" records; rates are numeric(10, 1) like their columns (V20). */
public final class StationApi {

    private StationApi() {
    }

    /** POST /stations (extension). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateStation(
            @NotBlank @Size(max = 200) String name,
            @NotNull StationType type,
            @NotNull @Positive @Digits(integer = 9, fraction = 1) BigDecimal targetUnitsPerHour,
            @NotNull OffsetDateTime maintenanceDue) {
    }

    /** StartStationProduction. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StartStationProduction(
            @NotNull UUID batchId,
            @NotNull @Positive Integer targetUnits,
            @NotNull UUID operatorId,
            @NotNull Priority priority,
            @NotNull @Min(1) Integer qualityCheckFrequency) {
    }

    /**
     * PUT /stations/{id}/status (extension): what the line reports; efficiency is computed from
     * units_per_hour and the target. units_produced adds to today's count; error counts today's errors.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StationReport(
            @NotNull StationStatus status,
            @PositiveOrZero @Digits(integer = 9, fraction = 1) BigDecimal unitsPerHour,
            @PositiveOrZero Integer unitsProduced,
            @Size(max = 2000) String notes) {
    }

    /** specs/001 Product as a station shows it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CurrentProduct(UUID id, String name, UUID batchId) {
    }

    /** ProductionStation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StationView(
            UUID id,
            String name,
            StationType type,
            StationStatus status,
            CurrentProduct currentProduct,
            BigDecimal efficiency,
            BigDecimal unitsPerHour,
            BigDecimal targetUnitsPerHour,
            int unitsProducedToday,
            OffsetDateTime lastActivity,
            List<OrderView> queue,
            OffsetDateTime maintenanceDue,
            int errorCountToday,
            UUID operatorId,
            Integer targetUnits,
            Integer qualityCheckFrequency,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }
}

package app.nozzly.production.process.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** specs/001 "WebSocket Events" payloads, also the {@code data} of the production.process Kafka events. */
public final class ProcessEventPayloads {

    private ProcessEventPayloads() {
    }

    /** production:reactor-update. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReactorUpdate(String reactorId, String reactorName, String status, BigDecimal temperature,
            BigDecimal pressure, BigDecimal mixingSpeed, String batchId, OffsetDateTime timestamp) {
    }

    /** production:batch-status-change. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BatchStatusChange(String batchId, String oldStatus, String newStatus, String productName,
            String reactorId, BigDecimal progressPercentage, OffsetDateTime timestamp) {
    }

    /** production:quality-alert. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record QualityAlert(String batchId, String productName, String testType, String parameterName,
            BigDecimal measuredValue, BigDecimal targetValue, BigDecimal deviationPercentage, String severity,
            boolean cofeprisImpact, OffsetDateTime timestamp) {
    }

    /** production:station-status. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StationStatus(String stationId, String stationName, String oldStatus, String newStatus,
            BigDecimal efficiency, BigDecimal unitsPerHour, OffsetDateTime timestamp) {
    }
}

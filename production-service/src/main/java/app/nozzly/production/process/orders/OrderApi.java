package app.nozzly.production.process.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.support.Priority;

/** specs/001 "Órdenes de Producción" records. */
public final class OrderApi {

    private OrderApi() {
    }

    /**
     * POST /orders: order_number, produced and remaining are the service's, not the client's. A client posting the
     * spec's ProductionOrder may send its read-only fields; they are ignored.
     */
    @JsonIgnoreProperties({ "id", "order_number", "product_name", "quantity_produced", "quantity_remaining", "status",
            "start_date", "completion_date", "batches", "created_by", "created_at", "updated_at" })
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateOrder(
            @Size(max = 200) String customerOrderId,
            @NotNull UUID productId,
            @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal quantityOrdered,
            @NotNull Priority priority,
            @NotNull OffsetDateTime dueDate,
            @Size(max = 2000) String notes,
            @Size(max = 200) String assignedTo) {
    }

    /** PUT /orders/{id}/assign-batch. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AssignBatch(@NotNull UUID batchId) {
    }

    /** PUT /orders/{id}/status (extension): hold, resume or cancel an order. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrderStatusChange(@NotNull OrderStatus status, @Size(max = 2000) String notes) {
    }

    /** ProductionOrder. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrderView(
            UUID id,
            String orderNumber,
            String customerOrderId,
            UUID productId,
            String productName,
            BigDecimal quantityOrdered,
            BigDecimal quantityProduced,
            BigDecimal quantityRemaining,
            Priority priority,
            OrderStatus status,
            OffsetDateTime dueDate,
            OffsetDateTime startDate,
            OffsetDateTime completionDate,
            List<UUID> batches,
            String notes,
            String createdBy,
            String assignedTo,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }
}

package app.nozzly.production.process.batches;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import app.nozzly.production.process.recipes.ProductCategory;
import app.nozzly.production.process.support.Priority;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One lot of product made in a reactor from an approved recipe (specs/001 Batch). */
@Entity
@Table(name = "process_batch")
public class Batch extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenantId;

    public String batchNumber;

    public UUID reactorId;

    public UUID recipeId;

    public UUID productionOrderId;

    public UUID productId;

    public String productName;

    @Enumerated(EnumType.STRING)
    public ProductCategory productCategory;

    public BigDecimal quantity;

    public BigDecimal targetQuantity;

    @Enumerated(EnumType.STRING)
    public BatchStatus status;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public OffsetDateTime startTime;

    public OffsetDateTime estimatedCompletion;

    public OffsetDateTime actualCompletion;

    public UUID operatorId;

    public String supervisorId;

    public String notes;

    public String inventoryMovementId;

    @JdbcTypeCode(SqlTypes.JSON)
    public QualityCheck qualityCheck;

    public String failureReason;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}

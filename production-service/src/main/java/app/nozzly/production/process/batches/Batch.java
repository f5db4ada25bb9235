package app.nozzly.production.process.batches;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.nozzly.platform.tenancy.TenantEntity;
import app.nozzly.production.process.recipes.ProductCategory;
import app.nozzly.production.support.Priority;

/** One lot of product made in a reactor from an approved recipe (specs/001 Batch). */
@Entity
@Table(name = "process_batch")
public class Batch extends TenantEntity {

    @Id
    public UUID id;

    public String batchNumber;

    public UUID reactorId;

    public UUID recipeId;

    public UUID productionOrderId;

    public UUID productId;

    public String productName;

    @Convert(converter = ProductCategory.Column.class)
    public ProductCategory productCategory;

    public BigDecimal quantity;

    public BigDecimal targetQuantity;

    @Convert(converter = BatchStatus.Column.class)
    public BatchStatus status;

    @Convert(converter = Priority.Column.class)
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

    /** Litres the completed batches of a production order produced. */
    public static BigDecimal producedFor(UUID orderId) {
        BigDecimal sum = getEntityManager().createQuery("select coalesce(sum(b.quantity), 0) from Batch b"
                + " where b.productionOrderId = :order and b.status = :completed", BigDecimal.class)
                .setParameter("order", orderId).setParameter("completed", BatchStatus.COMPLETED).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** The batches of a production order, in the order they started. */
    public static List<UUID> idsOf(UUID orderId) {
        return getEntityManager().createQuery("select b.id from Batch b where b.productionOrderId = :order"
                + " order by b.startTime, b.id", UUID.class).setParameter("order", orderId).getResultList();
    }
}

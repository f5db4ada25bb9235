package app.nozzly.production.runs;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A model printed by a run and how many units are planned (specs/000 "Production Run Items"). */
@Entity
@Table(name = "production_run_item")
public class ProductionRunItem extends TenantEntity {

    @Id
    public UUID id;

    public UUID runId;

    public UUID modelId;

    public int quantity;

    /** Set when the run was created for specs/002 orders: the order line this item produces. */
    public Long orderId;

    public Long orderItemId;

    /** This item's share of the run's cost of goods, once the run completed. */
    public BigDecimal costOfGoods;

    public OffsetDateTime createdAt;

    public static List<ProductionRunItem> ofRun(UUID runId) {
        return list("runId = ?1 order by createdAt, id", runId);
    }
}

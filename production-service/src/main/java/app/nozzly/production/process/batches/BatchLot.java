package app.nozzly.production.process.batches;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A raw-material lot that went into a batch, as inventory took it (first expiry first out). */
@Entity
@Table(name = "process_batch_lot")
public class BatchLot extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenantId;

    public UUID batchId;

    public UUID materialId;

    public String materialName;

    public String lotNumber;

    public BigDecimal quantity;

    public String unit;
}

package app.nozzly.production.process.batches;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A raw-material lot that went into a batch, as inventory took it (first expiry first out). */
@Entity
@Table(name = "process_batch_lot")
public class BatchLot extends TenantEntity {

    @Id
    public UUID id;

    public UUID batchId;

    public UUID materialId;

    public String materialName;

    public String lotNumber;

    public BigDecimal quantity;

    public String unit;
}

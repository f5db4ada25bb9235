package app.nozzly.production.runs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** One build plate of a multi-plate run (specs/000 "Production Run Plates"), optionally on a printer. */
@Entity
@Table(name = "production_run_plate")
public class ProductionRunPlate extends TenantEntity {

    @Id
    public UUID id;

    public UUID runId;

    public int plateNumber;

    public UUID modelId;

    public UUID printerId;

    public int copiesPerPlate;

    public Integer estimatedPrintTimeMinutes;

    /** The print file printer-service should start for this plate (specs/000 plates, ours); null lets it choose. */
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(20)")
    public PlateStatus status;

    public Integer successfulPrints;

    public Integer failedPrints;

    public OffsetDateTime startedAt;

    public OffsetDateTime completedAt;

    public String notes;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** How printer-service names the plate's print job: "<run_number> plate <plate_number>". */
    public String jobName(String runNumber) {
        return runNumber + " plate " + plateNumber;
    }

    public static List<ProductionRunPlate> ofRun(UUID runId) {
        return list("runId = ?1 order by plateNumber", runId);
    }
}

package app.nozzly.production.runs;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A production run of specs/000: what is printed, from which spools, and how it ended. */
@Entity
@Table(name = "production_run")
public class ProductionRun extends TenantEntity {

    @Id
    public UUID id;

    public String runNumber;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(20)")
    public RunStatus status;

    public OffsetDateTime startedAt;

    public OffsetDateTime completedAt;

    public Double durationHours;

    public Double actualTotalFilamentGrams;

    public String notes;

    public String failureReason;

    public String cancelMode;

    /** True once any stock left inventory because of this run; such a run can no longer be deleted. */
    public boolean stockMoved;

    public Double materialCost;

    public Integer successfulUnits;

    public Integer failedUnits;

    /** Cost of goods on completion (our addition to specs/000 "Complete Production Run"): waste, hours, cost. */
    public Double wasteGrams;

    public Double machineHours;

    public BigDecimal machineCost;

    public BigDecimal costOfGoods;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public boolean isFinished() {
        return status != RunStatus.IN_PROGRESS;
    }
}

package app.nozzly.production.process.stations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;

/** A filling/labeling/... line that turns a released batch into units (specs/001 ProductionStation). */
@Entity
@Table(name = "process_station")
public class Station extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    @Convert(converter = StationType.Column.class)
    public StationType type;

    @Convert(converter = StationStatus.Column.class)
    public StationStatus status;

    public UUID currentProductId;

    public String currentProductName;

    public UUID currentBatchId;

    public BigDecimal efficiency;

    public BigDecimal unitsPerHour;

    public BigDecimal targetUnitsPerHour;

    public int unitsProducedToday;

    public LocalDate productionDay;

    public Integer targetUnits;

    public Integer qualityCheckFrequency;

    public OffsetDateTime lastActivity;

    public OffsetDateTime maintenanceDue;

    public int errorCountToday;

    public UUID operatorId;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}

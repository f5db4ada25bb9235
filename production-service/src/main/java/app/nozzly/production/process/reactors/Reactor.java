package app.nozzly.production.process.reactors;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.nozzly.platform.tenancy.TenantEntity;

/** A chemical reactor (specs/001 Reactor) with its safe operating ranges (PROD009, PROD010). */
@Entity
@Table(name = "process_reactor")
public class Reactor extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    @Convert(converter = ReactorStatus.Column.class)
    public ReactorStatus status;

    public BigDecimal capacity;

    public BigDecimal temperature;

    public BigDecimal pressure;

    public BigDecimal mixingSpeed;

    public BigDecimal phLevel;

    public BigDecimal minTemperature;

    public BigDecimal maxTemperature;

    public BigDecimal maxPressure;

    public UUID currentBatchId;

    public OffsetDateTime lastMaintenance;

    public OffsetDateTime nextMaintenance;

    public BigDecimal maintenanceHours;

    @Version
    public long version;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public boolean temperatureSafe(BigDecimal value) {
        return value.compareTo(minTemperature) >= 0 && value.compareTo(maxTemperature) <= 0;
    }

    public boolean pressureSafe(BigDecimal value) {
        return value.compareTo(maxPressure) <= 0;
    }
}

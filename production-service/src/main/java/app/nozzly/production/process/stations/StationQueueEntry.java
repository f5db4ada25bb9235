package app.nozzly.production.process.stations;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import app.nozzly.production.process.support.Priority;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Work waiting for a busy station, served by priority then arrival. */
@Entity
@Table(name = "process_station_queue")
public class StationQueueEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    public String tenantId;

    public UUID stationId;

    public UUID batchId;

    public UUID productionOrderId;

    public int targetUnits;

    public UUID operatorId;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public int priorityRank;

    public int qualityCheckFrequency;

    public OffsetDateTime queuedAt;
}

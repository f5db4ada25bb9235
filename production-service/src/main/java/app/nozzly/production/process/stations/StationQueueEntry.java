package app.nozzly.production.process.stations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.nozzly.platform.tenancy.TenantEntity;
import app.nozzly.production.support.Priority;
import io.quarkus.panache.common.Sort;

/** Work waiting for a busy station, served by priority then arrival. */
@Entity
@Table(name = "process_station_queue")
public class StationQueueEntry extends TenantEntity {

    @Id
    public UUID id;

    public UUID stationId;

    public UUID batchId;

    public UUID productionOrderId;

    public int targetUnits;

    public UUID operatorId;

    @Convert(converter = Priority.Column.class)
    public Priority priority;

    public int priorityRank;

    public int qualityCheckFrequency;

    public OffsetDateTime queuedAt;

    /** The station's queue, first served first: by priority, then arrival. */
    public static List<StationQueueEntry> ofStation(UUID stationId) {
        return list("stationId", Sort.descending("priorityRank").and("queuedAt").and("id"), stationId);
    }
}

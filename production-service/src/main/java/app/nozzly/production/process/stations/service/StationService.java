package app.nozzly.production.process.stations.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.Where;
import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.batches.BatchStatus;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.events.ProcessEventPayloads;
import app.nozzly.production.process.events.ProcessEvents;
import app.nozzly.production.process.operators.service.OperatorService;
import app.nozzly.production.process.stations.Station;
import app.nozzly.production.process.stations.StationApi.CreateStation;
import app.nozzly.production.process.stations.StationApi.StartStationProduction;
import app.nozzly.production.process.stations.StationApi.StationReport;
import app.nozzly.production.process.stations.StationApi.StationView;
import app.nozzly.production.process.stations.StationQueueEntry;
import app.nozzly.production.process.stations.StationStatus;
import app.nozzly.production.process.stations.StationType;
import app.nozzly.production.process.stations.mapping.StationMapper;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/**
 * specs/001 stations: start production of a released batch (PROD007 out of service, PROD006 batch not
 * through quality control, PROD012 operator), a queue while busy, efficiency = units_per_hour / target.
 */
@ApplicationScoped
@Transactional
public class StationService {

    /** The largest efficiency its column (numeric(6, 1)) holds. */
    private static final BigDecimal MAX_EFFICIENCY = new BigDecimal("99999.9");

    @Inject
    OperatorService operators;

    @Inject
    ProcessEvents events;

    @Inject
    StationMapper mapper;

    public StationView create(CreateStation request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Station station = new Station();
        station.id = UUID.randomUUID();
        station.name = request.name().trim();
        station.type = request.type();
        station.status = StationStatus.IDLE;
        station.efficiency = BigDecimal.ZERO;
        station.unitsPerHour = BigDecimal.ZERO;
        station.targetUnitsPerHour = request.targetUnitsPerHour();
        station.productionDay = now.toLocalDate();
        station.lastActivity = now;
        station.maintenanceDue = request.maintenanceDue();
        station.createdAt = now;
        station.updatedAt = now;
        station.persist();
        return mapper.toView(station);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StationView get(UUID id) {
        return mapper.toView(find(id, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StationView> list(StationStatus status, StationType type, PageRequest page) {
        Where where = new Where()
                .and("status = :status", "status", status)
                .and("type = :type", "type", type);
        return Page.of(Station.<Station>find(where.clause(), Sort.by("name").and("id"), where.parameters()), page,
                mapper::toView);
    }

    /** StartStationProduction: runs now when the station is idle, else joins its queue. */
    public StationView startProduction(UUID stationId, StartStationProduction request) {
        Station station = find(stationId, LockModeType.PESSIMISTIC_WRITE);
        if (station.status.outOfService()) {
            throw new ProcessException(ProcessErrorCode.PROD007, "station " + station.name + " is out of service ("
                    + station.status.value() + ")", Map.of("station_id", station.id.toString(), "status",
                            station.status.value()));
        }
        Batch batch = Batch.findById(request.batchId());
        if (batch == null) {
            throw new ProcessException(ProcessErrorCode.PROD005, "batch " + request.batchId() + " not found",
                    Map.of("batch_id", request.batchId().toString()));
        }
        if (batch.status != BatchStatus.COMPLETED) {
            throw new ProcessException(ProcessErrorCode.PROD006, "batch " + batch.batchNumber + " is "
                    + batch.status.value() + ": only a batch that passed quality control can be released to a station",
                    Map.of("batch_id", batch.id.toString(), "status", batch.status.value()));
        }
        operators.requireCertified(request.operatorId());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        rollDay(station, now);
        if (station.status == StationStatus.IDLE) {
            run(station, batch, request.targetUnits(), request.operatorId(), request.qualityCheckFrequency(), now);
        } else {
            StationQueueEntry entry = new StationQueueEntry();
            entry.id = UUID.randomUUID();
            entry.stationId = station.id;
            entry.batchId = batch.id;
            entry.productionOrderId = batch.productionOrderId;
            entry.targetUnits = request.targetUnits();
            entry.operatorId = request.operatorId();
            entry.priority = request.priority();
            entry.priorityRank = request.priority().rank();
            entry.qualityCheckFrequency = request.qualityCheckFrequency();
            entry.queuedAt = now;
            entry.persist();
            station.updatedAt = now;
        }
        return mapper.toView(station);
    }

    /** What the line reports; going idle takes the next queued work, if any. */
    public StationView report(UUID stationId, StationReport report) {
        Station station = find(stationId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        rollDay(station, now);
        StationStatus old = station.status;
        if (report.unitsPerHour() != null) {
            BigDecimal efficiency = report.unitsPerHour().multiply(BigDecimal.valueOf(100))
                    .divide(station.targetUnitsPerHour, 1, RoundingMode.HALF_UP);
            if (efficiency.compareTo(MAX_EFFICIENCY) > 0) {
                throw ApiProblem.invalidField("units_per_hour", "units_per_hour " + report.unitsPerHour()
                        + " would be an efficiency of " + efficiency + "% of the target " + station.targetUnitsPerHour
                        + "; at most " + MAX_EFFICIENCY + "% is recorded");
            }
            station.unitsPerHour = report.unitsPerHour();
            station.efficiency = efficiency;
        }
        if (report.unitsProduced() != null) {
            long today = (long) station.unitsProducedToday + report.unitsProduced();
            if (today > Integer.MAX_VALUE) {
                throw ApiProblem.invalidField("units_produced", "units_produced " + report.unitsProduced()
                        + " would take today's count of station " + station.name + " beyond " + Integer.MAX_VALUE);
            }
            station.unitsProducedToday = (int) today;
        }
        if (report.status() == StationStatus.ERROR && old != StationStatus.ERROR) {
            station.errorCountToday++;
        }
        station.status = report.status();
        station.lastActivity = now;
        station.updatedAt = now;
        if (report.status() == StationStatus.IDLE) {
            station.currentBatchId = null;
            station.currentProductId = null;
            station.currentProductName = null;
            station.unitsPerHour = BigDecimal.ZERO;
            station.efficiency = BigDecimal.ZERO;
            announce(station, old);
            StationQueueEntry next = StationQueueEntry.ofStation(station.id).stream().findFirst().orElse(null);
            if (next != null) {
                Batch batch = Batch.findById(next.batchId);
                next.delete();
                run(station, batch, next.targetUnits, next.operatorId, next.qualityCheckFrequency, now);
            }
        } else {
            announce(station, old);
        }
        return mapper.toView(station);
    }

    private void run(Station station, Batch batch, int targetUnits, UUID operatorId, int qualityCheckFrequency,
            OffsetDateTime now) {
        StationStatus old = station.status;
        station.status = StationStatus.RUNNING;
        station.currentBatchId = batch.id;
        station.currentProductId = batch.productId;
        station.currentProductName = batch.productName;
        station.operatorId = operatorId;
        station.targetUnits = targetUnits;
        station.qualityCheckFrequency = qualityCheckFrequency;
        station.lastActivity = now;
        station.updatedAt = now;
        announce(station, old);
    }

    private void announce(Station station, StationStatus old) {
        events.stationStatus(new ProcessEventPayloads.StationStatus(station.id.toString(), station.name, old.value(),
                station.status.value(), station.efficiency, station.unitsPerHour, station.updatedAt));
    }

    // today's counters start again each UTC day
    private static void rollDay(Station station, OffsetDateTime now) {
        LocalDate today = now.toLocalDate();
        if (!today.equals(station.productionDay)) {
            station.productionDay = today;
            station.unitsProducedToday = 0;
            station.errorCountToday = 0;
        }
    }

    private static Station find(UUID id, LockModeType lock) {
        return ProcessException.requireFound(Station.findById(id, lock), ProcessErrorCode.STATION_NOT_FOUND,
                "station", "station_id", id);
    }
}

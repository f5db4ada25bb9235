package app.nozzly.production.process.reactors.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.Where;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.events.ProcessEventPayloads.ReactorUpdate;
import app.nozzly.production.process.events.ProcessEvents;
import app.nozzly.production.process.reactors.Reactor;
import app.nozzly.production.process.reactors.ReactorApi.CreateReactor;
import app.nozzly.production.process.reactors.ReactorApi.Maintenance;
import app.nozzly.production.process.reactors.ReactorApi.ReactorView;
import app.nozzly.production.process.reactors.ReactorApi.UpdateReactorStatus;
import app.nozzly.production.process.reactors.ReactorStatus;
import app.nozzly.production.process.reactors.mapping.ReactorMapper;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/**
 * specs/001 reactors: status and readings within safe ranges (PROD009 temperature, PROD010 pressure),
 * one batch at a time (PROD002), preventive maintenance never postponed more than 7 days.
 */
@ApplicationScoped
@Transactional
public class ReactorService {

    /** specs/001: "Mantenimiento preventivo no puede ser postergado >7 días". */
    public static final Duration MAX_MAINTENANCE_POSTPONEMENT = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(ReactorService.class);

    @Inject
    ProcessEvents events;

    @Inject
    ReactorMapper mapper;

    @Inject
    TenantContext tenants;

    public ReactorView create(CreateReactor request) {
        if (request.minTemperature().compareTo(request.maxTemperature()) >= 0) {
            throw invalid("min_temperature", "min_temperature must be below max_temperature");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Reactor reactor = new Reactor();
        reactor.id = UUID.randomUUID();
        reactor.name = request.name().trim();
        reactor.status = ReactorStatus.IDLE;
        reactor.capacity = request.capacity();
        reactor.minTemperature = request.minTemperature();
        reactor.maxTemperature = request.maxTemperature();
        reactor.maxPressure = request.maxPressure();
        reactor.temperature = request.temperature() == null ? request.minTemperature().max(BigDecimal.valueOf(20))
                .min(request.maxTemperature()) : request.temperature();
        reactor.pressure = request.pressure() == null ? BigDecimal.ONE.min(request.maxPressure()) : request.pressure();
        requireSafe(reactor, reactor.temperature, reactor.pressure);
        reactor.mixingSpeed = BigDecimal.ZERO;
        reactor.lastMaintenance = request.lastMaintenance();
        reactor.nextMaintenance = request.nextMaintenance();
        reactor.maintenanceHours = request.maintenanceHours() == null ? BigDecimal.ZERO : request.maintenanceHours();
        reactor.createdAt = now;
        reactor.updatedAt = now;
        reactor.persist();
        return mapper.toView(reactor);
    }

    /** GET /reactors: "todos los reactores", all of them unless a page is asked for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReactorView> list(ReactorStatus status, PageRequest page) {
        Where where = new Where().and("status = :status", "status", status);
        return Page.of(Reactor.<Reactor>find(where.clause(), Sort.by("name").and("id"), where.parameters()), page,
                mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReactorView get(UUID id) {
        return mapper.toView(find(id, LockModeType.NONE));
    }

    /** UpdateReactorStatus: readings must be safe; a reactor holding a batch cannot go idle or into maintenance. */
    public ReactorView updateStatus(UUID id, UpdateReactorStatus request) {
        Reactor reactor = find(id, LockModeType.PESSIMISTIC_WRITE);
        BigDecimal temperature = request.temperature() == null ? reactor.temperature : request.temperature();
        BigDecimal pressure = request.pressure() == null ? reactor.pressure : request.pressure();
        requireSafe(reactor, temperature, pressure);
        if (reactor.currentBatchId != null && ReactorStatus.WITHOUT_BATCH.contains(request.status())) {
            Batch batch = Batch.findById(reactor.currentBatchId);
            throw new ProcessException(ProcessErrorCode.PROD002, "reactor " + reactor.name + " is processing batch "
                    + (batch == null ? reactor.currentBatchId : batch.batchNumber) + "; finish or fail it before "
                    + request.status().value(), Map.of("reactor_id", id.toString(), "batch_id",
                            reactor.currentBatchId.toString()));
        }
        reactor.status = request.status();
        reactor.temperature = temperature;
        reactor.pressure = pressure;
        if (request.mixingSpeed() != null) {
            reactor.mixingSpeed = request.mixingSpeed();
        }
        if (request.phLevel() != null) {
            reactor.phLevel = request.phLevel();
        }
        reactor.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        announce(reactor);
        return mapper.toView(reactor);
    }

    /** Records maintenance done and/or reschedules the next one, at most 7 days after it was due. */
    public ReactorView maintenance(UUID id, Maintenance request) {
        Reactor reactor = find(id, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (request.lastMaintenance() != null) {
            if (request.lastMaintenance().isAfter(now.plusMinutes(5))) {
                throw invalid("last_maintenance", "last_maintenance cannot be in the future");
            }
            if (!request.nextMaintenance().isAfter(request.lastMaintenance())) {
                throw invalid("next_maintenance", "next_maintenance must be after last_maintenance");
            }
            reactor.lastMaintenance = request.lastMaintenance();
            reactor.maintenanceHours = BigDecimal.ZERO;
        } else if (request.nextMaintenance().isAfter(reactor.nextMaintenance.plus(MAX_MAINTENANCE_POSTPONEMENT))) {
            throw new ProcessException(ProcessErrorCode.MAINTENANCE_POSTPONED, "preventive maintenance of reactor "
                    + reactor.name + " was due " + reactor.nextMaintenance + " and cannot be postponed more than 7 days"
                    + " (latest " + reactor.nextMaintenance.plus(MAX_MAINTENANCE_POSTPONEMENT) + ")",
                    Map.of("reactor_id", id.toString(), "due", reactor.nextMaintenance.toString(),
                            "latest_allowed", reactor.nextMaintenance.plus(MAX_MAINTENANCE_POSTPONEMENT).toString()));
        }
        reactor.nextMaintenance = request.nextMaintenance();
        reactor.updatedAt = now;
        LOG.infof("tenant %s: maintenance of reactor %s (%s) now due %s", tenants.require(), reactor.name, id,
                reactor.nextMaintenance);
        return mapper.toView(reactor);
    }

    /** The reactor, locked for a change when asked, or PROD001. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Reactor find(UUID id, LockModeType lock) {
        return ProcessException.requireFound(Reactor.findById(id, lock), ProcessErrorCode.PROD001,
                "reactor", "reactor_id", id);
    }

    /** Temperature inside [min_temperature, max_temperature] (PROD009), pressure at most max_pressure (PROD010). */
    public static void requireSafe(Reactor reactor, BigDecimal temperature, BigDecimal pressure) {
        if (temperature != null && !reactor.temperatureSafe(temperature)) {
            throw new ProcessException(ProcessErrorCode.PROD009, "temperature " + temperature + " °C is outside the safe"
                    + " range " + reactor.minTemperature + ".." + reactor.maxTemperature + " °C of reactor "
                    + reactor.name, Map.of("reactor_id", reactor.id.toString(), "temperature", temperature,
                            "min_temperature", reactor.minTemperature, "max_temperature", reactor.maxTemperature));
        }
        if (pressure != null && !reactor.pressureSafe(pressure)) {
            throw new ProcessException(ProcessErrorCode.PROD010, "pressure " + pressure + " bar exceeds the safe maximum "
                    + reactor.maxPressure + " bar of reactor " + reactor.name, Map.of("reactor_id",
                            reactor.id.toString(), "pressure", pressure, "max_pressure", reactor.maxPressure));
        }
    }

    /** A batch has left the reactor: it is free again and its running hours count towards maintenance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Batch batch, OffsetDateTime at) {
        Reactor reactor = find(batch.reactorId, LockModeType.PESSIMISTIC_WRITE);
        if (!batch.id.equals(reactor.currentBatchId)) {
            return;
        }
        long minutes = Math.max(0, Duration.between(batch.startTime, at).toMinutes());
        reactor.maintenanceHours = reactor.maintenanceHours
                .add(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
        reactor.currentBatchId = null;
        reactor.status = ReactorStatus.IDLE;
        reactor.mixingSpeed = BigDecimal.ZERO;
        reactor.updatedAt = at;
        announce(reactor);
    }

    /** production:reactor-update in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Reactor reactor) {
        events.reactorUpdated(new ReactorUpdate(reactor.id.toString(), reactor.name, reactor.status.value(),
                reactor.temperature, reactor.pressure, reactor.mixingSpeed,
                reactor.currentBatchId == null ? null : reactor.currentBatchId.toString(), reactor.updatedAt));
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.invalidField(field, message);
    }
}

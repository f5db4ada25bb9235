package app.nozzly.production.process.reactors.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.batches.mapping.BatchMapper;
import app.nozzly.production.process.reactors.Reactor;
import app.nozzly.production.process.reactors.ReactorApi.ReactorView;

/** Reactor entity -> specs/001 Reactor, with the batch it holds. */
@ApplicationScoped
public class ReactorMapper {

    @Inject
    BatchMapper batches;

    public ReactorView toView(Reactor r) {
        Batch batch = r.currentBatchId == null ? null : Batch.findById(r.currentBatchId);
        return new ReactorView(r.id, r.name, r.status, r.capacity, batch == null ? null : batches.toView(batch),
                r.temperature, r.pressure, r.mixingSpeed, r.phLevel, r.lastMaintenance, r.nextMaintenance,
                r.maintenanceHours, r.minTemperature, r.maxTemperature, r.maxPressure, r.createdAt, r.updatedAt);
    }
}

package app.nozzly.production.runs.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.RunStatus;

/** Finding a run of the current tenant, and locking it before any change so concurrent changes queue up. */
@ApplicationScoped
public class Runs {

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductionRun find(UUID id) {
        return ProductionRun.<ProductionRun>findByIdOptional(id)
                .orElseThrow(() -> notFound(id));
    }

    /** SELECT ... FOR UPDATE: of two concurrent completes one waits here and then sees the other's result. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProductionRun lock(UUID id) {
        return ProductionRun.<ProductionRun>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
    }

    /** Locks a run that must still be in progress, e.g. to change its items, materials or plates. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProductionRun lockInProgress(UUID id, String action) {
        ProductionRun run = lock(id);
        if (run.status != RunStatus.IN_PROGRESS) {
            throw ProductionRunException.invalidState("Cannot " + action + " of production run " + run.runNumber
                    + ": it is " + run.status.value() + "; only in_progress runs can change");
        }
        return run;
    }

    static ProductionRunException notFound(UUID id) {
        return ProductionRunException.notFound("Production run " + id + " not found");
    }
}

package app.nozzly.production.runs.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.platform.persistence.TransactionEnd;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.ProductionRunMaterial;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.runs.client.ForRuns;
import app.nozzly.production.client.InventoryModels.Cause;
import app.nozzly.production.client.InventoryModels.ReservationRequest;

/**
 * A material's estimate held as a reservation in inventory (specs/000 "Material Validation"): other runs then
 * see only what is still available. A reservation made in a transaction that rolls back is released again.
 */
@ApplicationScoped
public class Reservations {

    private static final Logger LOG = Logger.getLogger(Reservations.class);

    @Inject
    @ForRuns
    Inventory inventory;

    @Inject
    TransactionSynchronizationRegistry txRegistry;

    /** Reserves the material's estimated total; answers 400 when the spool's available filament is short. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(ProductionRun run, ProductionRunMaterial material) {
        double grams = material.estimatedTotalGrams();
        if (grams <= 0) {
            return;
        }
        UUID id = inventory.reserve(new ReservationRequest("run-" + run.id + "-mat-" + material.id, material.spoolId,
                grams, cause(run))).id();
        material.reservationId = id;
        // the reservation already exists in inventory; only a rollback needs an answer
        TransactionEnd.afterRollback(txRegistry, () -> releaseQuietly(id, run));
    }

    /** Resizes the reservation to the material's new estimate (reserving it if it had none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resize(ProductionRun run, ProductionRunMaterial material) {
        if (material.reservationId == null) {
            reserve(run, material);
        } else if (material.estimatedTotalGrams() <= 0) {
            release(material);
        } else {
            inventory.adjust(material.reservationId, material.estimatedTotalGrams(), material.spoolId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void release(ProductionRunMaterial material) {
        if (material.reservationId != null) {
            inventory.release(material.reservationId);
            material.reservationId = null;
        }
    }

    public static Cause cause(ProductionRun run) {
        return new Cause("production_run", run.id.toString(), run.runNumber);
    }

    private void releaseQuietly(UUID reservationId, ProductionRun run) {
        try {
            inventory.release(reservationId);
        } catch (ProductionRunException | IllegalStateException e) {
            LOG.warnf("tenant %s run %s: reservation %s of a rolled-back change could not be released: %s",
                    run.tenantId, run.runNumber, reservationId, e.getMessage());
        }
    }
}

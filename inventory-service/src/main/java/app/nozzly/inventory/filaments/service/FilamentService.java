package app.nozzly.inventory.filaments.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.inventory.filaments.rest.FilamentApi;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.inventory.spools.SpoolStock;
import app.nozzly.inventory.spools.rest.SpoolApi;
import app.nozzly.inventory.spools.service.SpoolService;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.ErrorCodes;

/**
 * specs/002 "Filament Inventory" over the spools: a filament is a non-archived spool, POST is a spool
 * receipt, a PUT that changes current_amount is an adjustment in the ledger, DELETE archives.
 */
@ApplicationScoped
@Transactional
public class FilamentService {

    @Inject
    SpoolService spools;

    public SpoolStock create(FilamentApi.FilamentRequest request, String user) {
        return spools.create(new SpoolApi.CreateSpool(null, null, request.color(), null, request.material(), null,
                request.initialAmount(), request.currentAmount(), null, request.costPerGram(), null,
                request.lowStockThreshold(), null, null, null), user, SpoolService.TypePolicy.CREATE_IF_ABSENT);
    }

    public SpoolStock update(UUID id, FilamentApi.FilamentRequest request, String user) {
        requireFilament(id);
        spools.update(id, new SpoolApi.UpdateSpool(null, null, request.color(), null, request.material(), null,
                request.initialAmount(), null, request.costPerGram(), null, request.lowStockThreshold(), null, null,
                null, null), SpoolService.TypePolicy.CREATE_IF_ABSENT);
        if (request.currentAmount() != null) {
            spools.correctCurrentWeight(id, request.currentAmount(), user);
        }
        return spools.get(id);
    }

    public void delete(UUID id) {
        requireFilament(id);
        spools.archive(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SpoolStock get(UUID id) {
        return spools.withStock(requireFilament(id));
    }

    private static Spool requireFilament(UUID id) {
        Spool spool = Spool.findById(id);
        if (spool == null || spool.archived) {
            throw new ApiProblem(404, ErrorCodes.NOT_FOUND, "Filament not found", Map.of("id", id.toString()));
        }
        return spool;
    }
}

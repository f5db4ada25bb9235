package app.nozzly.production.runs.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.Where;
import app.nozzly.production.catalog.repository.Catalog;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.client.InventoryModels.MovementLine;
import app.nozzly.production.client.InventoryModels.MovementRequest;
import app.nozzly.production.client.InventoryModels.Spool;
import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunMaterial;
import app.nozzly.production.runs.ProductionRunPlate;
import app.nozzly.production.runs.RunStatus;
import app.nozzly.production.runs.RunRequests.CancelMode;
import app.nozzly.production.runs.RunRequests.CancelRun;
import app.nozzly.production.runs.RunRequests.CreateRun;
import app.nozzly.production.runs.RunRequests.FailRun;
import app.nozzly.production.runs.RunRequests.SpoolGrams;
import app.nozzly.production.runs.RunRequests.UpdateRun;
import app.nozzly.production.runs.RunViews.RunDetail;
import app.nozzly.production.runs.RunViews.RunPage;
import app.nozzly.production.runs.client.ForRuns;
import app.nozzly.production.runs.events.RunEvents;
import app.nozzly.production.runs.events.RunEvents.ItemOutput;
import app.nozzly.production.runs.events.RunEvents.MaterialUsage;
import app.nozzly.production.runs.mapping.Grams;
import app.nozzly.production.runs.mapping.Money;
import app.nozzly.production.runs.mapping.RunMapper;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.UniqueValues;
import io.quarkus.panache.common.Sort;

/**
 * Production runs of specs/000: list, create, get, update, delete, complete, cancel and fail. Stock moves
 * through one inventory movement per outcome, keyed run-{id}-complete|cancel|fail, while the run row is
 * locked: a concurrent or repeated request never moves stock twice, and a retry after a crash re-sends the
 * same key and receives inventory's first answer.
 */
@ApplicationScoped
@Transactional
public class ProductionRunService {

    private static final Logger LOG = Logger.getLogger(ProductionRunService.class);

    @Inject
    Runs runs;

    @Inject
    RunNumbers runNumbers;

    @Inject
    RunItemService items;

    @Inject
    RunMaterialService materials;

    @Inject
    Reservations reservations;

    @Inject
    @ForRuns
    Inventory inventory;

    @Inject
    RunEvents events;

    @Inject
    RunMapper mapper;

    @Inject
    RunReader reader;

    @Inject
    Catalog catalog;

    @Inject
    CostOfGoods.Config costing;

    /** Filters of specs/000 "List Production Runs": status and started_at from/to, both bounds inclusive. */
    public record RunFilter(RunStatus status, OffsetDateTime from, OffsetDateTime to) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RunPage list(RunFilter filter, PageRequest page) {
        Where where = new Where()
                .and("status = :status", "status", filter.status())
                .and("startedAt >= :from", "from", filter.from())
                .and("startedAt <= :to", "to", filter.to());
        var found = ProductionRun.<ProductionRun>find(where.clause(),
                Sort.descending("startedAt").and("runNumber", Sort.Direction.Descending), where.parameters());
        long total = found.count();
        return new RunPage(total, page.offset(), page.limit(), page.list(found).stream().map(mapper::toSummary)
                .toList());
    }

    /** One transaction for the run and its rows: one connection, and the tenant set on it once. */
    public RunDetail get(UUID id) {
        RunReader.Read read = reader.read(id).orElseThrow(() -> Runs.notFound(id));
        return mapper.toDetail(read.run(), read.items(), read.materials(), read.plates(), read.models(),
                read.spools());
    }

    public RunDetail create(CreateRun request) {
        return create(request, numberFor(request), List.of());
    }

    /**
     * The run number of a request that names none, taken from {@link RunNumbers} in a transaction of its own; null
     * when the request names one. Called before the caller's transaction touches the database.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    String numberFor(CreateRun request) {
        if (request.runNumber() != null && !request.runNumber().isBlank()) {
            return null;
        }
        return runNumbers.next(startedAt(request, now()).toLocalDate());
    }

    /**
     * A run whose items are specs/002 order lines, resolved by {@link RunsForOrders}; {@code takenNumber} comes
     * from {@link #numberFor}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    RunDetail create(CreateRun request, String takenNumber, List<RunItemService.OrderLine> orderLines) {
        OffsetDateTime now = now();
        ProductionRun run = new ProductionRun();
        run.id = UUID.randomUUID();
        run.status = RunStatus.IN_PROGRESS;
        run.startedAt = startedAt(request, now);
        run.notes = request.notes();
        run.createdAt = now;
        run.updatedAt = now;
        if (takenNumber != null) {
            run.runNumber = takenNumber;
        } else {
            String number = request.runNumber().strip();
            if (runNumbers.taken(number)) {
                throw ProductionRunException.conflict("Run number " + number + " already exists");
            }
            run.runNumber = number;
        }
        try {
            run.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueValues.violated(e, "production_run_number_unique")) {
                throw ProductionRunException.conflict("Run number " + run.runNumber + " already exists");
            }
            throw e;
        }
        request.items().forEach(item -> items.addTo(run, item));
        orderLines.forEach(line -> items.addFor(run, line));
        request.materials().forEach(material -> materials.addTo(run, material));
        events.runChanged(RunEvents.CREATED, run,
                ProductionRunMaterial.ofRun(run.id).stream()
                        .map(m -> new MaterialUsage(m.spoolId, m.id, Grams.round(m.estimatedTotalGrams()), "estimated"))
                        .toList(),
                ProductionRunItem.ofRun(run.id).stream().map(i -> ItemOutput.of(i, 0)).toList());
        LOG.infof("tenant %s created production run %s (%s)", run.tenantId, run.runNumber, run.id);
        return detail(run);
    }

    public RunDetail update(UUID id, UpdateRun request) {
        ProductionRun run = runs.lock(id);
        if (run.isFinished() && (request.startedAt() != null || request.completedAt() != null)) {
            throw ProductionRunException.invalidState("Production run " + run.runNumber + " is " + run.status.value()
                    + "; only notes can be updated");
        }
        if (request.notes() != null) {
            run.notes = request.notes();
        }
        if (request.startedAt() != null) {
            run.startedAt = request.startedAt().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (request.completedAt() != null) {
            run.completedAt = request.completedAt().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (run.completedAt != null) {
            if (run.completedAt.isBefore(run.startedAt)) {
                throw ProductionRunException.badRequest("completed_at " + run.completedAt
                        + " is before started_at " + run.startedAt);
            }
            run.durationHours = hoursBetween(run.startedAt, run.completedAt);
        }
        run.updatedAt = now();
        return detail(run);
    }

    /** Only a run that moved no stock can be deleted: ledger entries name their run as cause, forever. */
    public void delete(UUID id) {
        ProductionRun run = runs.lock(id);
        if (run.stockMoved) {
            throw ProductionRunException.invalidState("Production run " + run.runNumber + " is " + run.status.value()
                    + " and moved stock from inventory; it cannot be deleted, only its notes can change");
        }
        for (ProductionRunMaterial material : ProductionRunMaterial.ofRun(id)) {
            reservations.release(material);
        }
        ProductionRunPlate.delete("runId", id);
        ProductionRunMaterial.delete("runId", id);
        ProductionRunItem.delete("runId", id);
        run.delete();
        LOG.infof("tenant %s deleted production run %s (%s)", run.tenantId, run.runNumber, run.id);
    }

    public RunDetail complete(UUID id) {
        ProductionRun run = runs.lock(id);
        if (run.status == RunStatus.COMPLETED) {
            throw ProductionRunException.invalidState("Production run " + run.runNumber + " is already completed");
        }
        if (run.status != RunStatus.IN_PROGRESS) {
            throw ProductionRunException.invalidState("Production run " + run.runNumber + " is " + run.status.value()
                    + "; only in_progress runs can be completed");
        }
        List<ProductionRunMaterial> mats = ProductionRunMaterial.ofRun(id);
        for (ProductionRunMaterial m : mats) {
            double actual = m.actualTotalGrams().orElseThrow(() -> ProductionRunException.badRequest("Material " + m.id
                    + " (spool " + m.spoolId + ") is missing actual usage: record spool_weight_before_grams and"
                    + " spool_weight_after_grams, or actual_model_weight_grams"));
            if (actual < 0) {
                throw ProductionRunException.badRequest("Material " + m.id + " (spool " + m.spoolId
                        + ") has a negative actual usage of " + Grams.round(actual) + " g");
            }
        }
        List<ProductionRunPlate> plates = ProductionRunPlate.ofRun(id);
        for (ProductionRunPlate plate : plates) {
            if (plate.status == PlateStatus.PENDING || plate.status == PlateStatus.PRINTING) {
                throw ProductionRunException.invalidState("Plate " + plate.plateNumber + " of production run "
                        + run.runNumber + " is still " + plate.status.value() + "; complete, fail or cancel it first");
            }
        }
        List<ProductionRunItem> runItems = ProductionRunItem.ofRun(id);
        PlateRollup rollup = PlateRollup.of(plates, runItems);
        Map<UUID, Double> costs = costsPerGram(mats.stream().map(m -> m.spoolId).toList());
        List<MovementLine> lines = new ArrayList<>();
        List<MaterialUsage> usage = new ArrayList<>();
        for (ProductionRunMaterial m : mats) {
            double grams = Grams.round(m.actualTotalGrams().orElseThrow());
            if (grams > 0) {
                lines.add(new MovementLine("spool", m.spoolId, "consumption", BigDecimal.valueOf(grams), "g",
                        m.reservationId, null));
                usage.add(new MaterialUsage(m.spoolId, m.id, grams, "consumption"));
            }
        }
        int successful = 0;
        int failed = 0;
        Map<UUID, Integer> unitsOf = new HashMap<>();
        for (ProductionRunItem item : runItems) {
            int units = rollup.successful(item, RunStatus.COMPLETED);
            successful += units;
            failed += rollup.failed(item);
            unitsOf.put(item.id, units);
            if (units > 0) {
                // units as 5.0, as runs always sent them: a retry's request must equal the first one
                lines.add(new MovementLine("model", item.modelId, "production_output",
                        BigDecimal.valueOf((double) units), "units", null, null));
            }
        }
        Map<UUID, Double> gramsPerUnit = gramsPerUnit(runItems);
        move(run, "complete", lines, "Production run " + run.runNumber + " completed");
        double total = 0;
        double cost = 0;
        for (ProductionRunMaterial m : mats) {
            double grams = Grams.round(m.actualTotalGrams().orElseThrow());
            if (grams == 0) {
                reservations.release(m);
            }
            m.deductedGrams = grams;
            m.costPerGram = costs.get(m.spoolId);
            total += grams;
            cost += m.costPerGram == null ? 0 : grams * m.costPerGram;
        }
        OffsetDateTime now = now();
        run.status = RunStatus.COMPLETED;
        if (run.completedAt == null) {
            run.completedAt = now.isBefore(run.startedAt) ? run.startedAt : now;
        }
        run.durationHours = hoursBetween(run.startedAt, run.completedAt);
        run.actualTotalFilamentGrams = Grams.round(total);
        run.materialCost = Money.round(cost);
        run.successfulUnits = successful;
        run.failedUnits = failed;
        run.stockMoved = run.stockMoved || !lines.isEmpty();
        run.updatedAt = now;
        new CostOfGoods(costing.printerHourlyCost()).settle(run, mats, plates, runItems, unitsOf, gramsPerUnit);
        List<ItemOutput> outputs = runItems.stream().map(i -> ItemOutput.of(i, unitsOf.get(i.id))).toList();
        events.runChanged(RunEvents.COMPLETED, run, usage, outputs);
        LOG.infof("tenant %s completed production run %s: %.3f g filament, %d units", run.tenantId, run.runNumber,
                run.actualTotalFilamentGrams, successful);
        return detail(run);
    }

    public RunDetail cancel(UUID id, CancelRun request) {
        ProductionRun run = runs.lock(id);
        requireOpen(run, RunStatus.CANCELLED);
        CancelMode mode = request == null || request.cancelMode() == null ? CancelMode.FULL_REVERSAL
                : request.cancelMode();
        List<SpoolGrams> partial = request == null || request.partialUsage() == null ? List.of()
                : request.partialUsage();
        if (mode == CancelMode.FULL_REVERSAL && !partial.isEmpty()) {
            throw ApiProblem.invalidField("partial_usage", "partial_usage is only accepted with cancel_mode"
                    + " record_partial");
        }
        if (mode == CancelMode.RECORD_PARTIAL && partial.isEmpty()) {
            throw ApiProblem.invalidField("partial_usage", "cancel_mode record_partial needs partial_usage: a list"
                    + " of {spool_id, grams}");
        }
        List<MaterialUsage> usage = deductPerSpool(run, "cancel", "consumption", partial,
                "Production run " + run.runNumber + " cancelled with partial usage");
        run.status = RunStatus.CANCELLED;
        run.cancelMode = mode.value();
        run.updatedAt = now();
        events.runChanged(RunEvents.CANCELLED, run, usage, outputs(run, 0));
        LOG.infof("tenant %s cancelled production run %s (%s)", run.tenantId, run.runNumber, mode.value());
        return detail(run);
    }

    public RunDetail fail(UUID id, FailRun request) {
        ProductionRun run = runs.lock(id);
        requireOpen(run, RunStatus.FAILED);
        if (!FailureReasons.isKnown(request.failureReason())) {
            throw ApiProblem.invalidField("failure_reason", "Unknown failure_reason '" + request.failureReason()
                    + "'; see GET /api/v1/production-runs/failure-reasons");
        }
        List<SpoolGrams> waste = request.wasteMaterials() == null ? List.of() : request.wasteMaterials();
        List<MaterialUsage> usage = deductPerSpool(run, "fail", "waste", waste,
                "Production run " + run.runNumber + " failed: " + request.failureReason());
        run.status = RunStatus.FAILED;
        run.failureReason = request.failureReason();
        if (request.notes() != null) {
            run.notes = request.notes();
        }
        List<ProductionRunItem> runItems = ProductionRunItem.ofRun(id);
        run.successfulUnits = 0;
        run.failedUnits = runItems.stream().mapToInt(i -> i.quantity).sum();
        run.updatedAt = now();
        events.runChanged(RunEvents.FAILED, run, usage, outputs(run, 0));
        LOG.infof("tenant %s production run %s failed (%s), %.3f g waste", run.tenantId, run.runNumber,
                run.failureReason, run.actualTotalFilamentGrams);
        return detail(run);
    }

    private static void requireOpen(ProductionRun run, RunStatus target) {
        if (run.status == target) {
            throw ProductionRunException.invalidState("Production run " + run.runNumber + " is already "
                    + target.value());
        }
        if (run.status != RunStatus.IN_PROGRESS) {
            throw ProductionRunException.invalidState("Production run " + run.runNumber + " is " + run.status.value()
                    + "; only in_progress runs can be " + target.value());
        }
    }

    /**
     * Deducts the given grams per spool (converting that spool's reservation) in one movement and releases every
     * other reservation of the run; records what was deducted and its cost on the materials and the run.
     */
    private List<MaterialUsage> deductPerSpool(ProductionRun run, String outcome, String kind, List<SpoolGrams> given,
            String note) {
        List<ProductionRunMaterial> mats = ProductionRunMaterial.ofRun(run.id);
        Map<UUID, ProductionRunMaterial> firstOfSpool = new LinkedHashMap<>();
        mats.forEach(m -> firstOfSpool.putIfAbsent(m.spoolId, m));
        Map<UUID, Double> gramsPerSpool = new LinkedHashMap<>();
        for (SpoolGrams entry : given) {
            if (!firstOfSpool.containsKey(entry.spoolId())) {
                throw ProductionRunException.badRequest("Spool " + entry.spoolId()
                        + " is not a material of production run "
                        + run.runNumber);
            }
            gramsPerSpool.merge(entry.spoolId(), entry.grams(), Double::sum);
        }
        Map<UUID, Double> costs = costsPerGram(new ArrayList<>(gramsPerSpool.keySet()));
        List<MovementLine> lines = new ArrayList<>();
        List<MaterialUsage> usage = new ArrayList<>();
        gramsPerSpool.forEach((spool, grams) -> {
            ProductionRunMaterial m = firstOfSpool.get(spool);
            double rounded = Grams.round(grams);
            lines.add(new MovementLine("spool", spool, kind, BigDecimal.valueOf(rounded), "g", m.reservationId, null));
            usage.add(new MaterialUsage(spool, m.id, rounded, kind));
        });
        move(run, outcome, lines, note);
        double total = 0;
        double cost = 0;
        for (ProductionRunMaterial m : mats) {
            boolean converted = gramsPerSpool.containsKey(m.spoolId) && firstOfSpool.get(m.spoolId) == m;
            if (converted) {
                m.deductedGrams = Grams.round(gramsPerSpool.get(m.spoolId));
                m.costPerGram = costs.get(m.spoolId);
                total += m.deductedGrams;
                cost += m.costPerGram == null ? 0 : m.deductedGrams * m.costPerGram;
            } else {
                reservations.release(m);
            }
        }
        run.actualTotalFilamentGrams = Grams.round(total);
        run.materialCost = Money.round(cost);
        run.stockMoved = run.stockMoved || !lines.isEmpty();
        return usage;
    }

    /** One atomic movement per outcome; its key makes a repeat (retry, crash recovery) answer the first result. */
    private void move(ProductionRun run, String outcome, List<MovementLine> lines, String note) {
        if (lines.isEmpty()) {
            return;
        }
        String key = "run-" + run.id + "-" + outcome;
        inventory.move("movement " + key, new MovementRequest(key, Reservations.cause(run), note, lines), Map.of());
    }

    /** Each model's estimated grams per unit, where inventory knows them (they weigh the items' cost shares). */
    private Map<UUID, Double> gramsPerUnit(List<ProductionRunItem> items) {
        Map<UUID, Double> grams = new HashMap<>();
        items.stream().map(i -> i.modelId).distinct().forEach(id -> inventory.model(id).ifPresent(model -> {
            catalog.keep(model);
            if (model.estimatedGramsPerUnit() != null) {
                grams.put(id, model.estimatedGramsPerUnit());
            }
        }));
        return grams;
    }

    private Map<UUID, Double> costsPerGram(List<UUID> spoolIds) {
        Map<UUID, Double> costs = new HashMap<>();
        for (UUID spoolId : spoolIds) {
            if (!costs.containsKey(spoolId)) {
                Spool spool = inventory.spool(spoolId).orElseThrow(() -> ProductionRunException.badRequest(
                        "Spool " + spoolId + " no longer exists in inventory"));
                catalog.keep(spool);
                costs.put(spoolId, spool.costPerGram());
            }
        }
        return costs;
    }

    private static List<ItemOutput> outputs(ProductionRun run, int successful) {
        return ProductionRunItem.ofRun(run.id).stream().map(i -> ItemOutput.of(i, successful)).toList();
    }

    RunDetail detail(ProductionRun run) {
        return mapper.toDetail(run, ProductionRunItem.ofRun(run.id), ProductionRunMaterial.ofRun(run.id),
                ProductionRunPlate.ofRun(run.id));
    }

    static Double hoursBetween(OffsetDateTime from, OffsetDateTime to) {
        return Math.round(Duration.between(from, to).toSeconds() / 36d) / 100d;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static OffsetDateTime startedAt(CreateRun request, OffsetDateTime now) {
        return request.startedAt() != null ? request.startedAt().withOffsetSameInstant(ZoneOffset.UTC) : now;
    }
}

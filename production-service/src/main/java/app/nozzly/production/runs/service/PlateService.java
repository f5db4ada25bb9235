package app.nozzly.production.runs.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunMaterial;
import app.nozzly.production.runs.ProductionRunPlate;
import app.nozzly.production.runs.RunRequests.CompletePlate;
import app.nozzly.production.runs.RunRequests.CreatePlate;
import app.nozzly.production.runs.RunRequests.UpdatePlate;
import app.nozzly.production.runs.RunViews.PlatePage;
import app.nozzly.production.runs.RunViews.PlateView;
import app.nozzly.production.runs.events.PrinterJobs;
import app.nozzly.production.runs.events.RunEvents;
import app.nozzly.production.runs.mapping.Grams;
import app.nozzly.production.runs.mapping.RunMapper;
import app.nozzly.production.support.PageRequest;
import io.quarkus.panache.common.Sort;

/**
 * Plates of a multi-plate run (specs/000 "Production Run Plates"): pending -> printing -> completed | failed,
 * pending or printing -> cancelled. Completed plates roll up into their model's item; every change is a
 * production.plate.changed event.
 */
@ApplicationScoped
@Transactional
public class PlateService {

    private static final Logger LOG = Logger.getLogger(PlateService.class);

    @Inject
    Runs runs;

    @Inject
    RunEvents events;

    @Inject
    RunMapper mapper;

    /** specs/000 "List Plates", optionally of one status: all of them unless a window is asked for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlatePage list(UUID runId, PlateStatus status, PageRequest page) {
        runs.find(runId);
        var query = status == null
                ? ProductionRunPlate.<ProductionRunPlate>find("runId", Sort.by("plateNumber"), runId)
                : ProductionRunPlate.<ProductionRunPlate>find("runId = ?1 and status = ?2", Sort.by("plateNumber"),
                        runId, status);
        long total = query.count();
        List<PlateView> plates = page.list(query).stream().map(mapper::toView).toList();
        return new PlatePage(total, page.offset(), page.isAll() ? plates.size() : page.limit(), plates);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlateView get(UUID runId, UUID plateId) {
        return mapper.toView(find(runs.find(runId), plateId));
    }

    public PlateView create(UUID runId, CreatePlate request) {
        ProductionRun run = runs.lockInProgress(runId, "add plates");
        requireItemModel(run, request.modelId());
        ProductionRunPlate plate = new ProductionRunPlate();
        plate.id = UUID.randomUUID();
        plate.runId = run.id;
        plate.modelId = request.modelId();
        plate.printerId = request.printerId();
        plate.copiesPerPlate = request.copiesPerPlate() == null ? 1 : request.copiesPerPlate();
        plate.estimatedPrintTimeMinutes = request.estimatedPrintTimeMinutes();
        plate.plateNumber = request.plateNumber() != null ? plateNumber(run, request.plateNumber(), null)
                : nextPlateNumber(run);
        plate.status = PlateStatus.PENDING;
        plate.notes = request.notes();
        plate.fileName = fileName(request.fileName());
        plate.createdAt = ProductionRunService.now();
        plate.updatedAt = plate.createdAt;
        plate.persist();
        events.plateChanged(run, plate, "created");
        return mapper.toView(plate);
    }

    public PlateView update(UUID runId, UUID plateId, UpdatePlate request) {
        ProductionRun run = runs.lockInProgress(runId, "update plates");
        ProductionRunPlate plate = find(run, plateId);
        boolean planChanges = request.plateNumber() != null || request.modelId() != null
                || request.copiesPerPlate() != null || request.estimatedPrintTimeMinutes() != null
                || request.printerId() != null || request.fileName() != null;
        if (planChanges && plate.status != PlateStatus.PENDING) {
            throw ProductionRunException.conflict("Plate " + plate.plateNumber + " is " + plate.status.value()
                    + "; only a pending plate can change its plan, notes can always change");
        }
        if (request.plateNumber() != null) {
            plate.plateNumber = plateNumber(run, request.plateNumber(), plate.id);
        }
        if (request.modelId() != null) {
            requireItemModel(run, request.modelId());
            plate.modelId = request.modelId();
        }
        if (request.printerId() != null) {
            plate.printerId = request.printerId();
        }
        if (request.copiesPerPlate() != null) {
            plate.copiesPerPlate = request.copiesPerPlate();
        }
        if (request.estimatedPrintTimeMinutes() != null) {
            plate.estimatedPrintTimeMinutes = request.estimatedPrintTimeMinutes();
        }
        if (request.notes() != null) {
            plate.notes = request.notes();
        }
        if (request.fileName() != null) {
            plate.fileName = fileName(request.fileName());
        }
        plate.updatedAt = ProductionRunService.now();
        events.plateChanged(run, plate, "updated");
        return mapper.toView(plate);
    }

    public PlateView start(UUID runId, UUID plateId) {
        ProductionRun run = runs.lockInProgress(runId, "start plates");
        ProductionRunPlate plate = find(run, plateId);
        transition(plate, Set.of(PlateStatus.PENDING), PlateStatus.PRINTING, "start");
        plate.startedAt = plate.updatedAt;
        events.plateChanged(run, plate, "started");
        return mapper.toView(plate);
    }

    public PlateView complete(UUID runId, UUID plateId, CompletePlate request) {
        ProductionRun run = runs.lockInProgress(runId, "complete plates");
        ProductionRunPlate plate = find(run, plateId);
        int successful = request.successfulPrints();
        int failed = request.failedPrints() == null ? plate.copiesPerPlate - successful : request.failedPrints();
        if (successful < 0 || failed < 0 || (long) successful + failed > plate.copiesPerPlate) {
            throw ApiProblem.invalidField("failed_prints", "successful_prints (" + successful + ") and failed_prints ("
                    + failed
                    + ") must be 0 or more and add up to at most copies_per_plate (" + plate.copiesPerPlate + ")");
        }
        transition(plate, Set.of(PlateStatus.PRINTING), PlateStatus.COMPLETED, "complete");
        plate.successfulPrints = successful;
        plate.failedPrints = failed;
        plate.completedAt = plate.updatedAt;
        if (request.notes() != null) {
            plate.notes = request.notes();
        }
        events.plateChanged(run, plate, "completed");
        return mapper.toView(plate);
    }

    public PlateView fail(UUID runId, UUID plateId, String notes) {
        ProductionRun run = runs.lockInProgress(runId, "fail plates");
        ProductionRunPlate plate = find(run, plateId);
        transition(plate, Set.of(PlateStatus.PRINTING), PlateStatus.FAILED, "fail");
        plate.successfulPrints = 0;
        plate.failedPrints = plate.copiesPerPlate;
        plate.completedAt = plate.updatedAt;
        if (notes != null) {
            plate.notes = notes;
        }
        events.plateChanged(run, plate, "failed");
        return mapper.toView(plate);
    }

    public PlateView cancel(UUID runId, UUID plateId, String notes) {
        ProductionRun run = runs.lockInProgress(runId, "cancel plates");
        ProductionRunPlate plate = find(run, plateId);
        transition(plate, Set.of(PlateStatus.PENDING, PlateStatus.PRINTING), PlateStatus.CANCELLED, "cancel");
        plate.completedAt = plate.updatedAt;
        if (notes != null) {
            plate.notes = notes;
        }
        events.plateChanged(run, plate, "cancelled");
        return mapper.toView(plate);
    }

    public void delete(UUID runId, UUID plateId) {
        ProductionRun run = runs.lockInProgress(runId, "delete plates");
        ProductionRunPlate plate = find(run, plateId);
        if (plate.status == PlateStatus.PRINTING) {
            throw ProductionRunException.conflict("Plate " + plate.plateNumber
                    + " is printing; fail or cancel it before deleting it");
        }
        plate.delete();
        events.plateChanged(run, plate, "deleted");
    }

    /**
     * A printer of printer-service reported a job event: its oldest pending plate starts, its printing plate
     * finishes (every copy successful) or fails. Plates of runs no longer in progress are left alone.
     *
     * @return whether a plate followed the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followPrinterJob(UUID printerId, String jobEvent) {
        PlateStatus from = jobEvent.equals(PrinterJobs.STARTED) ? PlateStatus.PENDING : PlateStatus.PRINTING;
        for (ProductionRunPlate plate : ProductionRunPlate.<ProductionRunPlate>list(
                "printerId = ?1 and status = ?2 order by createdAt, plateNumber", printerId, from)) {
            ProductionRun run = runs.lock(plate.runId);
            if (run.isFinished()) {
                continue;
            }
            switch (jobEvent) {
                case PrinterJobs.STARTED -> start(run.id, plate.id);
                case PrinterJobs.FINISHED -> complete(run.id, plate.id,
                        new CompletePlate(plate.copiesPerPlate, 0, null));
                default -> fail(run.id, plate.id, null);
            }
            return true;
        }
        return false;
    }

    /**
     * A printer.job event of the print printer-service queued for this plate (external_ref
     * production-plate:&lt;plate_id&gt;) drives exactly that plate; on finished the printer's grams pre-fill the run's
     * actual usage. Plates of runs no longer in progress, or already past that step, are left alone.
     *
     * @return whether the plate followed the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followPlateJob(UUID plateId, String jobEvent, PrinterJobs.Usage usage) {
        Optional<ProductionRunPlate> found = ProductionRunPlate.findByIdOptional(plateId);
        if (found.isEmpty()) {
            return false;
        }
        ProductionRunPlate plate = found.get();
        ProductionRun run = runs.lock(plate.runId);
        PlateStatus from = jobEvent.equals(PrinterJobs.STARTED) ? PlateStatus.PENDING : PlateStatus.PRINTING;
        if (run.isFinished() || plate.status != from && !(jobEvent.equals(PrinterJobs.FAILED)
                && plate.status == PlateStatus.PENDING)) {
            return false;
        }
        switch (jobEvent) {
            case PrinterJobs.STARTED -> start(run.id, plate.id);
            case PrinterJobs.FINISHED -> {
                complete(run.id, plate.id, new CompletePlate(plate.copiesPerPlate, 0, null));
                prefillUsage(run, usage);
            }
            default -> {
                if (plate.status == PlateStatus.PENDING) {
                    start(run.id, plate.id);
                }
                fail(run.id, plate.id, null);
            }
        }
        if (usage.startedAt() != null) {
            plate.startedAt = usage.startedAt().atOffset(ZoneOffset.UTC);
        }
        if (usage.endedAt() != null && plate.completedAt != null) {
            OffsetDateTime ended = usage.endedAt().atOffset(ZoneOffset.UTC);
            plate.completedAt = plate.startedAt != null && ended.isBefore(plate.startedAt) ? plate.startedAt : ended;
        }
        return true;
    }

    /**
     * The printer's grams go to the run's materials: a tray to the material whose spool has the tray's material
     * type and color, everything to the only material of a one-material run. Recorded weights still win.
     */
    private static void prefillUsage(ProductionRun run, PrinterJobs.Usage usage) {
        List<ProductionRunMaterial> materials = ProductionRunMaterial.ofRun(run.id);
        if (materials.isEmpty() || usage == null) {
            return;
        }
        if (materials.size() == 1) {
            usage.totalGrams().ifPresent(grams -> add(materials.get(0), grams));
            return;
        }
        for (PrinterJobs.Tray tray : usage.traysOrEmpty()) {
            if (tray.grams() == null || tray.grams() <= 0) {
                continue;
            }
            materials.stream().filter(m -> same(m.materialType, tray.materialType()) && same(m.color, tray.color()))
                    .findFirst().ifPresentOrElse(m -> add(m, tray.grams()),
                            () -> LOG.infof("tenant %s run %s: no material of type %s and color %s for %.1f g of"
                                    + " AMS %d tray %d", run.tenantId, run.runNumber, tray.materialType(),
                                    tray.color(), tray.grams(), tray.amsId(), tray.trayId()));
        }
    }

    private static void add(ProductionRunMaterial material, double grams) {
        material.printerReportedGrams = Grams.round((material.printerReportedGrams == null ? 0
                : material.printerReportedGrams) + grams);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static String fileName(String fileName) {
        return fileName == null || fileName.isBlank() ? null : fileName.strip();
    }

    private static void transition(ProductionRunPlate plate, Set<PlateStatus> from, PlateStatus to, String action) {
        if (!from.contains(plate.status)) {
            throw ProductionRunException.conflict("Cannot " + action + " plate " + plate.plateNumber + ": it is "
                    + plate.status.value() + " (allowed from " + from.stream().map(PlateStatus::value).sorted().toList()
                    + ")");
        }
        plate.status = to;
        plate.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static void requireItemModel(ProductionRun run, UUID modelId) {
        if (ProductionRunItem.count("runId = ?1 and modelId = ?2", run.id, modelId) == 0) {
            throw ProductionRunException.badRequest("Model " + modelId + " is not an item of production run "
                    + run.runNumber + "; add it as an item first");
        }
    }

    private static int plateNumber(ProductionRun run, int number, UUID self) {
        boolean taken = ProductionRunPlate.<ProductionRunPlate>list("runId = ?1 and plateNumber = ?2", run.id, number)
                .stream().anyMatch(p -> !p.id.equals(self));
        if (taken) {
            throw ProductionRunException.conflict("Plate number " + number + " already exists in production run "
                    + run.runNumber);
        }
        return number;
    }

    private static int nextPlateNumber(ProductionRun run) {
        return ProductionRunPlate.ofRun(run.id).stream().mapToInt(p -> p.plateNumber).max().orElse(0) + 1;
    }

    private static ProductionRunPlate find(ProductionRun run, UUID plateId) {
        return ProductionRunPlate.<ProductionRunPlate>findByIdOptional(plateId).filter(p -> p.runId.equals(run.id))
                .orElseThrow(() -> ProductionRunException.notFound("Plate " + plateId + " not found in production run "
                        + run.runNumber));
    }
}

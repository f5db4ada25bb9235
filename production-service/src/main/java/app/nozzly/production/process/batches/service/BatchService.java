package app.nozzly.production.process.batches.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.Where;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.production.client.Inventory;
import app.nozzly.production.client.InventoryModels.Cause;
import app.nozzly.production.client.InventoryModels.LotUsed;
import app.nozzly.production.client.InventoryModels.MovedLine;
import app.nozzly.production.client.InventoryModels.Movement;
import app.nozzly.production.client.InventoryModels.MovementLine;
import app.nozzly.production.client.InventoryModels.MovementRequest;
import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.batches.BatchApi.BatchStatusUpdate;
import app.nozzly.production.process.batches.BatchApi.BatchTraceability;
import app.nozzly.production.process.batches.BatchApi.BatchView;
import app.nozzly.production.process.batches.BatchApi.IngredientLot;
import app.nozzly.production.process.batches.BatchApi.LotTraceability;
import app.nozzly.production.process.batches.BatchApi.LotUse;
import app.nozzly.production.process.batches.BatchApi.StartBatch;
import app.nozzly.production.process.batches.BatchLot;
import app.nozzly.production.process.batches.BatchStatus;
import app.nozzly.production.process.batches.QualityCheck;
import app.nozzly.production.process.batches.mapping.BatchMapper;
import app.nozzly.production.process.client.ForProcess;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.events.ProcessEventPayloads.BatchStatusChange;
import app.nozzly.production.process.events.ProcessEvents;
import app.nozzly.production.process.operators.service.OperatorService;
import app.nozzly.production.process.orders.ProductionOrder;
import app.nozzly.production.process.orders.service.OrderService;
import app.nozzly.production.process.reactors.Reactor;
import app.nozzly.production.process.reactors.ReactorStatus;
import app.nozzly.production.process.reactors.service.ReactorService;
import app.nozzly.production.process.recipes.Recipe;
import app.nozzly.production.process.recipes.RecipeParts.Ingredient;
import app.nozzly.production.process.recipes.RecipeParts.Step;
import app.nozzly.production.process.recipes.RecipeParts.TemperaturePoint;
import app.nozzly.production.process.recipes.RecipeStatus;
import app.nozzly.production.process.recipes.service.RecipeService;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.Sequences;
import app.nozzly.production.support.Units;

/**
 * specs/001 batches: start in a reactor (every rule checked before any stock moves, then the recipe's
 * raw materials consumed from inventory in one idempotent movement whose lots are kept for
 * traceability), the lifecycle planned -> in_progress -> quality_check -> completed | failed, and the
 * mandatory quality control before a batch completes.
 */
@ApplicationScoped
public class BatchService {

    private static final Logger LOG = Logger.getLogger(BatchService.class);
    private static final DateTimeFormatter LOT_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    ReactorService reactors;

    @Inject
    RecipeService recipes;

    @Inject
    OrderService orders;

    @Inject
    OperatorService operators;

    @Inject
    @ForProcess
    Inventory inventory;

    @Inject
    Sequences sequences;

    @Inject
    ProcessEvents events;

    @Inject
    BatchMapper mapper;

    @Inject
    QualityGate qualityGate;

    @Inject
    TenantContext tenants;

    /** Filters of BatchesQuery. */
    public record BatchFilter(BatchStatus status, UUID productId, UUID reactorId, OffsetDateTime from,
            OffsetDateTime to, UUID operatorId) {
    }

    /**
     * POST /reactors/{id}/start-batch. The reactor row stays locked from the checks to the commit, so two
     * starts on one reactor cannot both pass (PROD002). If the batch cannot be saved after inventory
     * consumed its materials, the consumption is reversed: stock is never lost to a batch that does not exist.
     */
    public BatchView start(UUID reactorId, StartBatch request) {
        UUID batchId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String day = now.format(LOT_DAY);
        String batchNumber = "LOT-" + day + "-" + String.format("%03d", sequences.next("lot-" + day));
        Movement[] consumed = new Movement[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> mapper.toView(startInTransaction(batchId,
                    batchNumber, now, reactorId, request, consumed)));
        } catch (RuntimeException e) {
            if (consumed[0] != null) {
                LOG.errorf(e, "tenant %s: batch %s could not be recorded after consuming materials; reversing",
                        tenants.require(), batchId);
                giveBack(batchId, consumed[0]);
            }
            throw e;
        }
    }

    private Batch startInTransaction(UUID batchId, String batchNumber, OffsetDateTime now, UUID reactorId,
            StartBatch request, Movement[] consumed) {
        Reactor reactor = reactors.find(reactorId, LockModeType.PESSIMISTIC_WRITE);
        requireFree(reactor, now);
        if (request.targetQuantity().compareTo(reactor.capacity) > 0) {
            throw ApiProblem.invalidField("target_quantity", "target_quantity " + request.targetQuantity()
                    + " L exceeds the capacity " + reactor.capacity + " L of reactor " + reactor.name);
        }
        Recipe recipe = recipes.find(request.recipeId());
        if (!recipe.productId.equals(request.productId())) {
            throw ApiProblem.invalidField("recipe_id", "recipe " + recipe.name + " v" + recipe.version
                    + " makes product " + recipe.productId + ", not " + request.productId());
        }
        if (recipe.status != RecipeStatus.APPROVED) {
            throw new ProcessException(ProcessErrorCode.PROD003, "recipe " + recipe.name + " v" + recipe.version
                    + " is " + recipe.status.value() + ", not approved for production",
                    Map.of("recipe_id", recipe.id.toString(), "status", recipe.status.value()));
        }
        if (!recipe.cofeprisApproved) {
            throw new ProcessException(ProcessErrorCode.PROD011, "recipe " + recipe.name + " v" + recipe.version
                    + " has no COFEPRIS approval", Map.of("recipe_id", recipe.id.toString()));
        }
        requireRecipeFitsReactor(recipe, reactor);
        ProductionOrder order = orders.requireOpenFor(request.productionOrderId(), request.productId());
        operators.requireCertified(request.operatorId());

        Movement movement = consume(batchId, batchNumber, recipe, request.targetQuantity());
        consumed[0] = movement;

        Batch batch = new Batch();
        batch.id = batchId;
        batch.batchNumber = batchNumber;
        batch.reactorId = reactor.id;
        batch.recipeId = recipe.id;
        batch.productionOrderId = order.id;
        batch.productId = recipe.productId;
        batch.productName = recipe.productName;
        batch.productCategory = recipe.productCategory;
        batch.quantity = BigDecimal.ZERO;
        batch.targetQuantity = request.targetQuantity();
        batch.status = BatchStatus.IN_PROGRESS;
        batch.priority = request.priority();
        batch.startTime = now;
        batch.estimatedCompletion = now.plusMinutes(recipe.estimatedDuration);
        batch.operatorId = request.operatorId();
        batch.supervisorId = request.supervisorId();
        batch.notes = request.notes();
        batch.inventoryMovementId = movement.id().toString();
        batch.createdAt = now;
        batch.updatedAt = now;
        batch.persist();
        recordLots(batch, recipe, movement);

        reactor.currentBatchId = batch.id;
        reactor.status = ReactorStatus.MIXING;
        reactor.updatedAt = now;
        orders.markStarted(order);
        announce(batch, BatchStatus.PLANNED);
        reactors.announce(reactor);
        LOG.infof("tenant %s: batch %s (%s) started in reactor %s for order %s, %s L of %s", tenants.require(),
                batchNumber, batch.id, reactor.name, order.orderNumber, batch.targetQuantity, batch.productName);
        return batch;
    }

    @Transactional
    public BatchView changeStatus(UUID batchId, BatchStatusUpdate request) {
        Batch batch = find(batchId, LockModeType.PESSIMISTIC_WRITE);
        BatchStatus from = batch.status;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        switch (request.status()) {
            case QUALITY_CHECK -> {
                requireFrom(batch, request.status(), BatchStatus.IN_PROGRESS);
                if (request.quantity() == null) {
                    throw ApiProblem.invalidField("quantity", "quantity (litres produced) is required to send batch "
                            + batch.batchNumber + " to quality_check");
                }
                Reactor reactor = reactors.find(batch.reactorId, LockModeType.NONE);
                if (request.quantity().compareTo(reactor.capacity) > 0) {
                    throw ApiProblem.invalidField("quantity", "quantity " + request.quantity()
                            + " L exceeds the capacity " + reactor.capacity + " L of reactor " + reactor.name);
                }
                batch.quantity = request.quantity();
            }
            case FAILED -> {
                requireFrom(batch, request.status(), BatchStatus.IN_PROGRESS, BatchStatus.QUALITY_CHECK);
                if (request.reason() == null || request.reason().isBlank()) {
                    throw ApiProblem.invalidField("reason", "reason is required to fail batch " + batch.batchNumber);
                }
                batch.failureReason = request.reason();
                batch.actualCompletion = now;
                reactors.release(batch, now);
            }
            default -> throw new ProcessException(ProcessErrorCode.INVALID_STATE_TRANSITION, "batch "
                    + batch.batchNumber + " cannot be set to " + request.status().value()
                    + " here: it goes in_progress -> quality_check -> completed (through PUT quality-check) or failed",
                    Map.of("batch_id", batch.id.toString(), "status", batch.status.value()));
        }
        if (request.notes() != null) {
            batch.notes = request.notes();
        }
        batch.status = request.status();
        batch.updatedAt = now;
        announce(batch, from);
        return mapper.toView(batch);
    }

    /**
     * PUT /batches/{id}/quality-check: the release decision, from quality_check or straight from in_progress (the
     * spec's own lifecycle; the batch then made its target_quantity, as no other figure was reported).
     * approved=false fails the batch (with a rejection_reason); approved=true completes it only when every quality
     * rule holds (PROD006, PROD011).
     */
    @Transactional
    public BatchView qualityCheck(UUID batchId, QualityCheck check) {
        Batch batch = find(batchId, LockModeType.PESSIMISTIC_WRITE);
        requireFrom(batch, BatchStatus.COMPLETED, BatchStatus.IN_PROGRESS, BatchStatus.QUALITY_CHECK);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (batch.status == BatchStatus.IN_PROGRESS) {
            batch.quantity = batch.targetQuantity;
            batch.status = BatchStatus.QUALITY_CHECK;
            batch.updatedAt = now;
            announce(batch, BatchStatus.IN_PROGRESS);
        }
        BatchStatus from = batch.status;
        if (Boolean.TRUE.equals(check.approved())) {
            qualityGate.requireReleasable(batch, recipes.find(batch.recipeId), check);
            batch.status = BatchStatus.COMPLETED;
        } else {
            if (check.rejectionReason() == null || check.rejectionReason().isBlank()) {
                throw ApiProblem.invalidField("rejection_reason",
                        "rejection_reason is required when approved is false");
            }
            batch.status = BatchStatus.FAILED;
            batch.failureReason = check.rejectionReason();
        }
        batch.qualityCheck = check;
        batch.actualCompletion = now;
        batch.updatedAt = now;
        reactors.release(batch, now);
        if (batch.status == BatchStatus.COMPLETED) {
            orders.batchCompleted(batch.productionOrderId);
        }
        announce(batch, from);
        return mapper.toView(batch);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BatchView get(UUID id) {
        return mapper.toView(find(id, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BatchView> list(BatchFilter filter, PageRequest page) {
        Where where = new Where()
                .and("status = :status", "status", filter.status())
                .and("productId = :product", "product", filter.productId())
                .and("reactorId = :reactor", "reactor", filter.reactorId())
                .and("operatorId = :operator", "operator", filter.operatorId())
                .and("startTime >= :from", "from", filter.from())
                .and("startTime <= :to", "to", filter.to());
        return Page.of(Batch.<Batch>find(where.clause(), Sort.descending("startTime").and("id"), where.parameters()),
                page, mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BatchTraceability traceability(UUID batchId) {
        Batch batch = find(batchId, LockModeType.NONE);
        List<IngredientLot> lots = BatchLot.<BatchLot>list("batchId", Sort.by("materialName").and("lotNumber"),
                batch.id).stream().map(l -> new IngredientLot(l.materialId, l.materialName, l.lotNumber, l.quantity,
                        l.unit)).toList();
        return new BatchTraceability(batch.id, batch.batchNumber, batch.productId, batch.productName, batch.status,
                batch.inventoryMovementId, lots);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LotTraceability lot(String lotNumber, UUID materialId) {
        List<BatchLot> uses = materialId == null
                ? BatchLot.list("lotNumber", lotNumber)
                : BatchLot.list("lotNumber = ?1 and materialId = ?2", lotNumber, materialId);
        List<LotUse> batches = new ArrayList<>();
        for (BatchLot use : uses) {
            Batch batch = Batch.findById(use.batchId);
            batches.add(new LotUse(batch.id, batch.batchNumber, batch.productId, batch.productName, batch.status,
                    use.materialId, use.materialName, use.quantity, use.unit, batch.startTime));
        }
        batches.sort((a, b) -> a.startTime().compareTo(b.startTime()));
        return new LotTraceability(lotNumber, batches);
    }

    /** The batch or PROD005. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Batch find(UUID id, LockModeType lock) {
        return ProcessException.requireFound(id == null ? null : Batch.findById(id, lock), ProcessErrorCode.PROD005,
                "batch", "batch_id", id);
    }

    private static void requireFree(Reactor reactor, OffsetDateTime now) {
        if (reactor.currentBatchId != null) {
            Batch current = Batch.findById(reactor.currentBatchId);
            throw new ProcessException(ProcessErrorCode.PROD002, "reactor " + reactor.name + " is busy with batch "
                    + (current == null ? reactor.currentBatchId : current.batchNumber),
                    Map.of("reactor_id", reactor.id.toString(), "current_batch_id", reactor.currentBatchId.toString()));
        }
        if (reactor.status == ReactorStatus.MAINTENANCE || reactor.status == ReactorStatus.CLEANING) {
            throw new ProcessException(ProcessErrorCode.PROD002, "reactor " + reactor.name + " is in "
                    + reactor.status.value() + " and cannot take a batch", Map.of("reactor_id", reactor.id.toString(),
                            "status", reactor.status.value()));
        }
        if (now.isAfter(reactor.nextMaintenance.plus(ReactorService.MAX_MAINTENANCE_POSTPONEMENT))) {
            throw new ProcessException(ProcessErrorCode.MAINTENANCE_OVERDUE, "preventive maintenance of reactor "
                    + reactor.name + " was due " + reactor.nextMaintenance + "; it cannot be postponed more than 7"
                    + " days, so the reactor takes no batch until it is maintained",
                    Map.of("reactor_id", reactor.id.toString(), "next_maintenance", reactor.nextMaintenance.toString()));
        }
    }

    /** The recipe's temperatures and pressures must be inside the reactor's safe ranges (PROD009, PROD010). */
    private static void requireRecipeFitsReactor(Recipe recipe, Reactor reactor) {
        for (Step step : recipe.steps) {
            ReactorService.requireSafe(reactor, step.temperature(), step.pressure());
        }
        for (TemperaturePoint point : recipe.temperatureProfile) {
            ReactorService.requireSafe(reactor, point.temperature(), null);
        }
        for (Ingredient ingredient : recipe.ingredients) {
            ReactorService.requireSafe(reactor, ingredient.temperatureRequirement(), null);
        }
    }

    /**
     * Consumes the recipe's raw materials for {@code litres} in one movement (all or nothing, PROD004 naming every
     * shortage); quantities go in units inventory counts (mg as g). The key makes a retry move stock once.
     */
    private Movement consume(UUID batchId, String batchNumber, Recipe recipe, BigDecimal litres) {
        Map<UUID, String> names = new LinkedHashMap<>();
        List<MovementLine> lines = new ArrayList<>();
        for (Ingredient ingredient : recipe.ingredients) {
            if (Units.dimension(ingredient.unit()).isEmpty()) {
                throw ApiProblem.badRequest("recipe " + recipe.name + " v" + recipe.version + " gives "
                        + ingredient.materialName() + " in '" + ingredient.unit() + "', none of "
                        + String.join(", ", Units.ACCEPTED) + "; write a new version");
            }
            Units.Quantity need = Units.toInventory(ingredient.quantity().multiply(litres), ingredient.unit());
            lines.add(new MovementLine("material", ingredient.materialId(), "consumption", need.amount(),
                    need.unit(), null, null));
            names.put(ingredient.materialId(), ingredient.materialName());
        }
        String what = "raw materials of batch " + batchNumber;
        return inventory.move(what, new MovementRequest("batch-" + batchId + "-start",
                new Cause("batch", batchId.toString(), batchNumber), what, lines), names);
    }

    /** Gives back what a batch start consumed when the batch could not be recorded (compensation). */
    private void giveBack(UUID batchId, Movement movement) {
        List<MovementLine> lines = new ArrayList<>();
        for (MovedLine line : movement.lines()) {
            if (line.lots() == null || line.lots().isEmpty()) {
                lines.add(new MovementLine(line.itemType(), line.itemId(), "reversal", line.quantity(), line.unit(),
                        null, null));
            } else {
                line.lots().forEach(lot -> lines.add(new MovementLine(line.itemType(), line.itemId(), "reversal",
                        lot.quantity(), line.unit(), null, lot.lotNumber())));
            }
        }
        inventory.move("reversal of the start of batch " + batchId, new MovementRequest("batch-" + batchId
                + "-start-reversal", new Cause("batch", batchId.toString(), null),
                "batch start not recorded: stock given back", lines), Map.of());
    }

    private static void recordLots(Batch batch, Recipe recipe, Movement movement) {
        Map<UUID, String> names = new LinkedHashMap<>();
        recipe.ingredients.forEach(i -> names.put(i.materialId(), i.materialName()));
        for (MovedLine line : movement.lines() == null ? List.<MovedLine>of() : movement.lines()) {
            List<LotUsed> lots = line.lots() == null ? List.of() : line.lots();
            for (LotUsed lot : lots) {
                BatchLot row = new BatchLot();
                row.id = UUID.randomUUID();
                row.batchId = batch.id;
                row.materialId = line.itemId();
                row.materialName = names.getOrDefault(line.itemId(), line.itemId().toString());
                row.lotNumber = lot.lotNumber();
                row.quantity = lot.quantity();
                row.unit = line.unit();
                row.persist();
            }
        }
    }

    private static void requireFrom(Batch batch, BatchStatus to, BatchStatus... allowed) {
        for (BatchStatus status : allowed) {
            if (batch.status == status) {
                return;
            }
        }
        throw new ProcessException(ProcessErrorCode.INVALID_STATE_TRANSITION, "batch " + batch.batchNumber + " is "
                + batch.status.value() + " and cannot go to " + to.value() + " (allowed from "
                + Arrays.stream(allowed).map(BatchStatus::value).toList() + ")",
                Map.of("batch_id", batch.id.toString(), "status", batch.status.value()));
    }

    private void announce(Batch batch, BatchStatus from) {
        events.batchStatusChanged(new BatchStatusChange(batch.id.toString(), from.value(), batch.status.value(),
                batch.productName, batch.reactorId.toString(), progress(batch), batch.updatedAt));
    }

    /** 0 planned, elapsed share of the recipe's duration while in progress (max 90), 90 in QC, 100 done. */
    static BigDecimal progress(Batch batch) {
        return switch (batch.status) {
            case PLANNED -> BigDecimal.ZERO;
            case IN_PROGRESS -> {
                long total = Math.max(1, Duration.between(batch.startTime, batch.estimatedCompletion).toSeconds());
                long elapsed = Math.max(0, Duration.between(batch.startTime, batch.updatedAt).toSeconds());
                yield BigDecimal.valueOf(Math.min(90.0, 90.0 * elapsed / total)).setScale(1, RoundingMode.HALF_UP);
            }
            case QUALITY_CHECK -> BigDecimal.valueOf(90);
            case COMPLETED -> BigDecimal.valueOf(100);
            case FAILED -> batch.targetQuantity.signum() == 0 ? BigDecimal.ZERO : batch.quantity
                    .multiply(BigDecimal.valueOf(100)).divide(batch.targetQuantity, 1, RoundingMode.HALF_UP)
                    .min(BigDecimal.valueOf(100));
        };
    }
}

package app.nozzly.production.runs.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.platform.outbox.Outbox;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunPlate;
import app.nozzly.production.runs.RunViews.CostView;
import app.nozzly.production.runs.mapping.RunMapper;

/**
 * Facts about production runs on topic production.runs (key: run id), written to the outbox in the
 * transaction of the change they announce.
 */
@ApplicationScoped
public class RunEvents {

    public static final String TOPIC = "production.runs";
    public static final String CREATED = "production.run.created";
    public static final String COMPLETED = "production.run.completed";
    public static final String FAILED = "production.run.failed";
    public static final String CANCELLED = "production.run.cancelled";
    public static final String PLATE_CHANGED = "production.plate.changed";

    /** Grams of one spool: estimated (reserved) for created, consumption or waste when stock moved. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaterialUsage(UUID spoolId, UUID materialId, double grams, String kind) {
    }

    /** A run item; order ids when the run is for orders, its cost_of_goods share on completion. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ItemOutput(UUID itemId, UUID modelId, int quantity, int successfulUnits, Long orderId,
            Long orderItemId, BigDecimal costOfGoods) {

        public static ItemOutput of(ProductionRunItem item, int successfulUnits) {
            return new ItemOutput(item.id, item.modelId, item.quantity, successfulUnits, item.orderId,
                    item.orderItemId, item.costOfGoods);
        }
    }

    /** cost is set on production.run.completed only. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RunChanged(UUID runId, String runNumber, String status, OffsetDateTime startedAt,
            OffsetDateTime completedAt, Double durationHours, Double actualTotalFilamentGrams, String failureReason,
            String cancelMode, Double materialCost, List<MaterialUsage> materialUsage, List<ItemOutput> items,
            CostView cost) {
    }

    /** job_name and file_name tell printer-service what to queue for the plate (specs/000 plates). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlateChanged(UUID runId, String runNumber, UUID plateId, int plateNumber, UUID modelId,
            UUID printerId, String status, String change, Integer successfulPrints, Integer failedPrints,
            int copiesPerPlate, String jobName, String fileName, Integer estimatedPrintTimeMinutes) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void runChanged(String type, ProductionRun run, List<MaterialUsage> usage, List<ItemOutput> items) {
        outbox.publish(TOPIC, run.id.toString(), type,
                new RunChanged(run.id, run.runNumber, run.status.value(), run.startedAt, run.completedAt,
                        run.durationHours, run.actualTotalFilamentGrams, run.failureReason, run.cancelMode,
                        run.materialCost, usage, items, RunMapper.cost(run)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plateChanged(ProductionRun run, ProductionRunPlate plate, String change) {
        outbox.publish(TOPIC, run.id.toString(), PLATE_CHANGED,
                new PlateChanged(run.id, run.runNumber, plate.id, plate.plateNumber, plate.modelId, plate.printerId,
                        plate.status.value(), change, plate.successfulPrints, plate.failedPrints,
                        plate.copiesPerPlate, plate.jobName(run.runNumber), plate.fileName,
                        plate.estimatedPrintTimeMinutes));
    }
}

package app.nozzly.production.runs.service;

import static app.nozzly.production.runs.service.RunRows.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.ProductionRun;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunMaterial;
import app.nozzly.production.runs.ProductionRunPlate;

/** Cost of goods of a completed run: material at cost per gram, printing hours at the hourly cost, shared out. */
class CostOfGoodsTest {

    private static final OffsetDateTime NINE = OffsetDateTime.parse("2024-03-15T09:00:00Z");

    private final CostOfGoods costing = new CostOfGoods(new BigDecimal("0.60"));
    private final UUID dragon = UUID.randomUUID();
    private final UUID knight = UUID.randomUUID();

    @Test
    void materialAndPrintingHoursMakeTheCostAndItemsShareItByUnitsTimesGrams() {
        ProductionRun run = run(null);
        ProductionRunMaterial material = material(120, 0.025, 10, 25);
        ProductionRunItem dragons = item(dragon, 4);
        ProductionRunItem knights = item(knight, 2);
        List<ProductionRunPlate> plates = List.of(plate(PlateStatus.COMPLETED, 0, 90),
                plate(PlateStatus.FAILED, 90, 120), plate(PlateStatus.CANCELLED, 120, 600));

        costing.settle(run, List.of(material), plates, List.of(dragons, knights),
                Map.of(dragons.id, 4, knights.id, 2), Map.of(dragon, 30.0, knight, 15.0));

        // 120 g x 0.025 = 3.00; printed 1.5 h + 0.5 h (the cancelled plate never printed) x 0.60 = 1.20
        assertThat(run.machineHours).isEqualTo(2.0);
        assertThat(run.machineCost).isEqualByComparingTo("1.20");
        assertThat(run.costOfGoods).isEqualByComparingTo("4.20");
        assertThat(run.wasteGrams).isEqualTo(35.0);
        // weights 4 x 30 = 120 and 2 x 15 = 30: 4/5 and 1/5 of 4.20
        assertThat(dragons.costOfGoods).isEqualByComparingTo("3.36");
        assertThat(knights.costOfGoods).isEqualByComparingTo("0.84");
    }

    @Test
    void withoutPlatesTheRunsDurationIsTheMachineTime() {
        ProductionRun run = run(2.5);
        ProductionRunItem item = item(dragon, 1);

        costing.settle(run, List.of(material(0, 0.02, 0, 0)), List.of(), List.of(item), Map.of(item.id, 1),
                Map.of());

        assertThat(run.machineHours).isEqualTo(2.5);
        assertThat(run.costOfGoods).isEqualByComparingTo("1.50");
        assertThat(item.costOfGoods).isEqualByComparingTo("1.50");
    }

    @Test
    void sharesAddUpExactlyTheLastItemTakingTheRoundingRemainder() {
        ProductionRun run = run(0.0);
        ProductionRunItem a = item(dragon, 1);
        ProductionRunItem b = item(dragon, 1);
        ProductionRunItem c = item(dragon, 1);

        costing.settle(run, List.of(material(40, 0.025, 0, 0)), List.of(), List.of(a, b, c),
                Map.of(a.id, 1, b.id, 1, c.id, 1), Map.of(dragon, 10.0));

        assertThat(run.costOfGoods).isEqualByComparingTo("1.00");
        assertThat(a.costOfGoods).isEqualByComparingTo("0.33");
        assertThat(b.costOfGoods).isEqualByComparingTo("0.33");
        assertThat(c.costOfGoods).isEqualByComparingTo("0.34");
    }

    @Test
    void aModelOfUnknownGramsSharesByUnitsAndNothingSucceededSharesByPlannedQuantity() {
        ProductionRun run = run(0.0);
        ProductionRunItem dragons = item(dragon, 3);
        ProductionRunItem knights = item(knight, 1);

        costing.settle(run, List.of(material(100, 0.02, 0, 0)), List.of(), List.of(dragons, knights),
                Map.of(dragons.id, 3, knights.id, 1), Map.of(dragon, 50.0));
        assertThat(dragons.costOfGoods).isEqualByComparingTo("1.50");
        assertThat(knights.costOfGoods).isEqualByComparingTo("0.50");

        costing.settle(run, List.of(material(100, 0.02, 0, 0)), List.of(), List.of(dragons, knights),
                Map.of(dragons.id, 0, knights.id, 0), Map.of(dragon, 50.0, knight, 50.0));
        assertThat(dragons.costOfGoods).isEqualByComparingTo("1.50");
        assertThat(knights.costOfGoods).isEqualByComparingTo("0.50");
    }

    @Test
    void wasteIsTheRecordedPurgeAndTowerAtMostWhatWasDeducted() {
        ProductionRun run = run(0.0);
        ProductionRunMaterial recorded = material(50, 0.02, 10, 25);
        recorded.actualModelWeightGrams = 40.0;
        recorded.actualFlushedGrams = 4.0;
        recorded.actualTowerGrams = 6.0;
        ProductionRunMaterial small = material(5, 0.02, 10, 25);
        ProductionRunItem item = item(dragon, 1);

        costing.settle(run, List.of(recorded, small), List.of(), List.of(item), Map.of(item.id, 1), Map.of());

        assertThat(run.wasteGrams).isEqualTo(15.0);
    }

    private static ProductionRun run(Double durationHours) {
        ProductionRun run = new ProductionRun();
        run.id = UUID.randomUUID();
        run.durationHours = durationHours;
        return run;
    }

    private static ProductionRunMaterial material(double deducted, double costPerGram, double flushed, double tower) {
        ProductionRunMaterial material = new ProductionRunMaterial();
        material.id = UUID.randomUUID();
        material.deductedGrams = deducted;
        material.costPerGram = costPerGram;
        material.estimatedFlushedGrams = flushed;
        material.estimatedTowerGrams = tower;
        return material;
    }

    private static ProductionRunPlate plate(PlateStatus status, int startMinute, int endMinute) {
        ProductionRunPlate plate = new ProductionRunPlate();
        plate.status = status;
        plate.startedAt = NINE.plusMinutes(startMinute);
        plate.completedAt = NINE.plusMinutes(endMinute);
        return plate;
    }
}

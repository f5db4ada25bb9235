package app.nozzly.production.runs.service;

import static app.nozzly.production.runs.service.RunRows.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.ProductionRunItem;
import app.nozzly.production.runs.ProductionRunPlate;
import app.nozzly.production.runs.RunStatus;

/** How a run's plates roll up into its items (specs/000 "Production Run Plates"). */
class PlateRollupTest {

    private final UUID dragon = UUID.randomUUID();
    private final UUID knight = UUID.randomUUID();

    @Test
    void completedPlatesCountTheirPrintsAndAFailedPlateFailsEveryCopy() {
        ProductionRunItem item = item(dragon, 10);
        PlateRollup rollup = PlateRollup.of(List.of(plate(dragon, 4, PlateStatus.COMPLETED, 3, 1),
                plate(dragon, 4, PlateStatus.FAILED, null, null), plate(dragon, 4, PlateStatus.CANCELLED, null, null)),
                List.of(item));

        assertThat(rollup.successful(item, RunStatus.IN_PROGRESS)).isEqualTo(3);
        assertThat(rollup.failed(item)).isEqualTo(5);
    }

    @Test
    void aModelWithoutPlatesProducesItsPlannedQuantityOnlyOnceTheRunCompletes() {
        ProductionRunItem withPlates = item(dragon, 4);
        ProductionRunItem without = item(knight, 6);
        PlateRollup rollup = PlateRollup.of(List.of(plate(dragon, 4, PlateStatus.COMPLETED, 4, 0)),
                List.of(withPlates, without));

        assertThat(rollup.hasPlates(knight)).isFalse();
        assertThat(rollup.successful(without, RunStatus.IN_PROGRESS)).isZero();
        assertThat(rollup.successful(without, RunStatus.COMPLETED)).isEqualTo(6);
        assertThat(rollup.failed(without)).isZero();
        assertThat(rollup.successful(withPlates, RunStatus.COMPLETED)).isEqualTo(4);
    }

    @Test
    void itemsOfOneModelShareItsPrintsInItemOrderAndTheLastTakesTheRest() {
        ProductionRunItem first = item(dragon, 2);
        ProductionRunItem second = item(dragon, 3);
        PlateRollup rollup = PlateRollup.of(List.of(plate(dragon, 8, PlateStatus.COMPLETED, 7, 1)),
                List.of(first, second));

        assertThat(rollup.successful(first, RunStatus.COMPLETED)).isEqualTo(2);
        assertThat(rollup.failed(first)).isZero();
        assertThat(rollup.successful(second, RunStatus.COMPLETED)).isEqualTo(5);
        assertThat(rollup.failed(second)).isEqualTo(1);
    }

    private static ProductionRunPlate plate(UUID model, int copies, PlateStatus status, Integer ok, Integer bad) {
        ProductionRunPlate plate = RunRows.plate(model, copies, status);
        plate.successfulPrints = ok;
        plate.failedPrints = bad;
        return plate;
    }
}

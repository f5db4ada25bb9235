package app.nozzly.inventory.stock.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.nozzly.inventory.stock.rest.MovementApi.Direction;
import app.nozzly.inventory.stock.rest.MovementApi.MovementKind;

/** Which way each kind of movement line moves stock. */
class MovementKindTest {

    @Test
    void consumptionAndWasteTakeStockOut() {
        assertThat(MovementKind.consumption.outgoing(null)).isTrue();
        assertThat(MovementKind.waste.outgoing(Direction.in)).isTrue();
    }

    @Test
    void receiptsReversalsAndProductionOutputBringStockIn() {
        assertThat(MovementKind.receipt.outgoing(null)).isFalse();
        assertThat(MovementKind.reversal.outgoing(Direction.out)).isFalse();
        assertThat(MovementKind.production_output.outgoing(null)).isFalse();
    }

    @Test
    void anAdjustmentGoesTheWayItsDirectionSays() {
        assertThat(MovementKind.adjustment.outgoing(Direction.out)).isTrue();
        assertThat(MovementKind.adjustment.outgoing(Direction.in)).isFalse();
    }
}

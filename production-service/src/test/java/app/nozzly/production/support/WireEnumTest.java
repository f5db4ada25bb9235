package app.nozzly.production.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.json.WireEnum;
import app.nozzly.production.process.batches.BatchStatus;
import app.nozzly.production.process.batches.QualityCheck.MicrobiologicalTest;
import app.nozzly.production.process.orders.OrderStatus;
import app.nozzly.production.process.reactors.ReactorStatus;
import app.nozzly.production.process.recipes.ProductCategory;
import app.nozzly.production.process.recipes.RecipeStatus;
import app.nozzly.production.process.recipes.TestType;
import app.nozzly.production.process.stations.StationStatus;
import app.nozzly.production.process.stations.StationType;
import app.nozzly.production.runs.PlateStatus;
import app.nozzly.production.runs.RunRequests.CancelMode;
import app.nozzly.production.runs.RunStatus;

/** The spec's spelling of an enum (specs/000, specs/001): in JSON both ways, in its column, in parameters. */
class WireEnumTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theWireValueIsTheNameInLowerCase() {
        assertThat(BatchStatus.QUALITY_CHECK.value()).isEqualTo("quality_check");
        assertThat(WireEnum.values(CancelMode.class)).containsExactly("full_reversal", "record_partial");
        assertThat(WireEnum.of(BatchStatus.class, "in_progress")).contains(BatchStatus.IN_PROGRESS);
        assertThat(WireEnum.of(BatchStatus.class, "IN_PROGRESS")).isEmpty();
    }

    @Test
    void jsonCarriesTheWireValueBothWays() throws Exception {
        assertThat(json.writeValueAsString(BatchStatus.QUALITY_CHECK)).isEqualTo("\"quality_check\"");
        assertThat(json.readValue("\"record_partial\"", CancelMode.class)).isEqualTo(CancelMode.RECORD_PARTIAL);
        for (Class<? extends WireEnum> type : List.of(BatchStatus.class, MicrobiologicalTest.class, OrderStatus.class,
                ReactorStatus.class, ProductCategory.class, RecipeStatus.class, TestType.class, StationStatus.class,
                StationType.class, Priority.class, PlateStatus.class, CancelMode.class, RunStatus.class)) {
            for (WireEnum constant : type.getEnumConstants()) {
                String written = json.writeValueAsString(constant);
                assertThat(written).isEqualTo("\"" + constant.value() + "\"");
                assertThat(json.readValue(written, type)).isSameAs(constant);
            }
        }
    }

    @Test
    void theColumnHoldsTheWireValue() {
        BatchStatus.Column column = new BatchStatus.Column();
        assertThat(column.convertToDatabaseColumn(BatchStatus.IN_PROGRESS)).isEqualTo("in_progress");
        assertThat(column.convertToEntityAttribute("quality_check")).isEqualTo(BatchStatus.QUALITY_CHECK);
        assertThatThrownBy(() -> column.convertToEntityAttribute("QUALITY_CHECK"))
                .hasMessageContaining("planned, in_progress");
    }
}

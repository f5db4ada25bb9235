package app.nozzly.production.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** specs/001 ingredient units ("ml, g, mg, etc.") in the units inventory counts stock in. */
class UnitsTest {

    @Test
    void milligramsGoToInventoryAsGrams() {
        Units.Quantity quantity = Units.toInventory(new BigDecimal("50000"), "mg");
        assertThat(quantity.unit()).isEqualTo("g");
        assertThat(quantity.amount()).isEqualByComparingTo("50");
    }

    @Test
    void unitsInventoryKnowsPassThrough() {
        assertThat(Units.toInventory(new BigDecimal("2.5"), "kg")).isEqualTo(
                new Units.Quantity(new BigDecimal("2.5"), "kg"));
        assertThat(Units.toInventory(BigDecimal.TEN, "g").unit()).isEqualTo("g");
        assertThat(Units.toInventory(BigDecimal.TEN, "ml").unit()).isEqualTo("ml");
        assertThat(Units.toInventory(BigDecimal.TEN, "L").unit()).isEqualTo("L");
    }

    @Test
    void commonSpellingsOfMillilitresAndLitresAreInventorysOwn() {
        assertThat(Units.toInventory(BigDecimal.ONE, "mL").unit()).isEqualTo("ml");
        assertThat(Units.toInventory(BigDecimal.ONE, "l").unit()).isEqualTo("L");
    }

    @Test
    void massAndVolumeAreDifferentDimensions() {
        assertThat(Units.dimension("mg")).contains(Units.Dimension.MASS);
        assertThat(Units.dimension("kg")).contains(Units.Dimension.MASS);
        assertThat(Units.dimension("ml")).contains(Units.Dimension.VOLUME);
        assertThat(Units.dimension("L")).contains(Units.Dimension.VOLUME);
    }

    @Test
    void unknownUnitsHaveNoDimensionAndAreNeverSentToInventory() {
        assertThat(Units.dimension("oz")).isEmpty();
        assertThat(Units.dimension("units")).isEmpty();
        assertThat(Units.dimension(null)).isEmpty();
        assertThatThrownBy(() -> Units.toInventory(BigDecimal.ONE, "oz")).isInstanceOf(IllegalArgumentException.class);
    }
}

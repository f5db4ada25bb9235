package app.nozzly.inventory.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import app.nozzly.platform.errors.ApiProblem;

/** Stock quantities convert within a dimension, to the milligram, and never across dimensions. */
class UnitsTest {

    @Test
    void convertsWithinADimensionToTheMilligram() {
        assertThat(Units.convert(new BigDecimal("0.25"), "kg", "g")).isEqualByComparingTo("250");
        assertThat(Units.convert(new BigDecimal("1250"), "ml", "L")).isEqualByComparingTo("1.25");
        assertThat(Units.convert(new BigDecimal("0.0004"), "g", "kg")).isEqualByComparingTo("0");
        assertThat(Units.convert(new BigDecimal("0.0125"), "kg", "g")).isEqualByComparingTo("12.5");
        assertThat(Units.convert(new BigDecimal("7"), "units", "units")).isEqualByComparingTo("7");
    }

    @Test
    void refusesToConvertAcrossDimensionsWith422() {
        assertThatThrownBy(() -> Units.convert(BigDecimal.ONE, "ml", "g")).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status()).isEqualTo(422));
        assertThatThrownBy(() -> Units.convert(BigDecimal.ONE, "units", "kg")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void materialsAreCountedInMassOrVolume() {
        assertThat(Unit.g.isMassOrVolume()).isTrue();
        assertThat(Unit.L.isMassOrVolume()).isTrue();
        assertThat(Unit.units.isMassOrVolume()).isFalse();
    }

    @Test
    void quantitiesShowWithoutTrailingZerosAndKeepThreeDecimals() {
        assertThat(Quantities.plain(new BigDecimal("750.000")).toPlainString()).isEqualTo("750");
        assertThat(Quantities.plain(new BigDecimal("1E+3")).toPlainString()).isEqualTo("1000");
        assertThat(Quantities.of(new BigDecimal("0.0015"))).isEqualByComparingTo("0.002");
        assertThat(Quantities.plain(null)).isNull();
    }
}

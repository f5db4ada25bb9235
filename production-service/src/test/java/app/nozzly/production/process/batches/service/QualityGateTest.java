package app.nozzly.production.process.batches.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.batches.QualityCheck;
import app.nozzly.production.process.batches.QualityCheck.MicrobiologicalTest;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.recipes.ProductCategory;
import app.nozzly.production.process.recipes.Recipe;
import app.nozzly.production.process.recipes.RecipeParts.QualityParameter;
import app.nozzly.production.process.recipes.TestType;

/** specs/001 "Validaciones y Reglas de Negocio" for releasing a batch. */
class QualityGateTest {

    private final QualityGate gate = new QualityGate();

    @Test
    void aCheckMeetingEveryRuleReleasesTheBatch() {
        assertThatCode(() -> gate.requireReleasable(batch(ProductCategory.CLEANING), recipe(true), check(7.1, 1.06,
                MicrobiologicalTest.PASSED, true, null))).doesNotThrowAnyException();
    }

    @Test
    void cofeprisComplianceNotVerifiedIsProd011() {
        assertThatThrownBy(() -> gate.requireReleasable(batch(ProductCategory.CLEANING), recipe(true),
                check(7.0, 1.05, MicrobiologicalTest.PASSED, false, null)))
                .isInstanceOfSatisfying(ProcessException.class, e -> assertThat(e.code()).isEqualTo("PROD011"));
    }

    @Test
    void phMustBeWithinPointTwoOfTarget() {
        assertFailures(batch(ProductCategory.OTHER), recipe(true), check(7.21, 1.05, MicrobiologicalTest.PASSED,
                true, null), "pH 7.21 is out of tolerance");
        assertThatCode(() -> gate.requireReleasable(batch(ProductCategory.OTHER), recipe(true), check(6.8, 1.05,
                MicrobiologicalTest.PASSED, true, null))).doesNotThrowAnyException();
    }

    @Test
    void densityMustBeWithinTwoPercentOfTarget() {
        assertFailures(batch(ProductCategory.OTHER), recipe(true), check(7.0, 1.072, MicrobiologicalTest.PASSED,
                true, null), "Densidad 1.072 is out of tolerance");
    }

    @Test
    void criticalParametersMustBeMeasuredOthersMayBeLeftOut() {
        assertFailures(batch(ProductCategory.OTHER), recipe(true), check(7.0, null, MicrobiologicalTest.PASSED,
                true, null), "critical parameter Densidad (density) was not measured");
        assertThatCode(() -> gate.requireReleasable(batch(ProductCategory.OTHER), recipe(false), check(7.0, null,
                MicrobiologicalTest.PASSED, true, null))).doesNotThrowAnyException();
    }

    @Test
    void cleaningProductsNeedAPassedMicrobiologicalTestOthersOnlyNoFailedOne() {
        assertFailures(batch(ProductCategory.CLEANING), recipe(true), check(7.0, 1.05, MicrobiologicalTest.PENDING,
                true, null), "cleaning products need a passed microbiological test (it is pending)");
        assertThatCode(() -> gate.requireReleasable(batch(ProductCategory.OTHER), recipe(true), check(7.0, 1.05,
                MicrobiologicalTest.PENDING, true, null))).doesNotThrowAnyException();
        assertFailures(batch(ProductCategory.OTHER), recipe(true), check(7.0, 1.05, MicrobiologicalTest.FAILED,
                true, null), "microbiological test failed");
    }

    @Test
    void healthAndWellnessProductsNeedAFullVisualInspection() {
        assertFailures(batch(ProductCategory.HEALTH_WELLNESS), recipe(true), check(7.0, 1.05,
                MicrobiologicalTest.PASSED, true, new BigDecimal("99.5")), "100% visual inspection");
        assertThatCode(() -> gate.requireReleasable(batch(ProductCategory.HEALTH_WELLNESS), recipe(true),
                check(7.0, 1.05, MicrobiologicalTest.PASSED, true, BigDecimal.valueOf(100))))
                .doesNotThrowAnyException();
    }

    private void assertFailures(Batch batch, Recipe recipe, QualityCheck check, String failure) {
        assertThatThrownBy(() -> gate.requireReleasable(batch, recipe, check))
                .isInstanceOfSatisfying(ProcessException.class, e -> {
                    assertThat(e.code()).isEqualTo("PROD006");
                    assertThat(e.details().get("failures")).asInstanceOf(InstanceOfAssertFactories.LIST).anySatisfy(
                            f -> assertThat(f.toString()).contains(failure));
                });
    }

    private static Batch batch(ProductCategory category) {
        Batch batch = new Batch();
        batch.id = UUID.randomUUID();
        batch.batchNumber = "LOT-20250301-001";
        batch.productCategory = category;
        return batch;
    }

    /** pH 7.0 (6.5..7.5) and density 1.05, critical or not. */
    private static Recipe recipe(boolean critical) {
        Recipe recipe = new Recipe();
        recipe.qualityParameters = List.of(
                new QualityParameter("pH", TestType.PH, new BigDecimal("7.0"), new BigDecimal("6.5"),
                        new BigDecimal("7.5"), "pH", critical),
                new QualityParameter("Densidad", TestType.DENSITY, new BigDecimal("1.05"), null, null, "g/ml",
                        critical));
        return recipe;
    }

    private static QualityCheck check(Double ph, Double density, MicrobiologicalTest microbiological,
            boolean cofepris, BigDecimal visualInspection) {
        return new QualityCheck(ph == null ? null : BigDecimal.valueOf(ph),
                density == null ? null : BigDecimal.valueOf(density), BigDecimal.valueOf(300), true, 6,
                microbiological, cofepris, null, "QFB Ana", OffsetDateTime.parse("2025-03-01T10:00:00Z"), true, null,
                visualInspection);
    }
}

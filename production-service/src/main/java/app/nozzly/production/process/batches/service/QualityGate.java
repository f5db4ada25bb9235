package app.nozzly.production.process.batches.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.production.process.batches.Batch;
import app.nozzly.production.process.batches.QualityCheck;
import app.nozzly.production.process.batches.QualityCheck.MicrobiologicalTest;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.process.quality.service.QualityRules;
import app.nozzly.production.process.recipes.ProductCategory;
import app.nozzly.production.process.recipes.Recipe;
import app.nozzly.production.process.recipes.RecipeParts.QualityParameter;

/**
 * specs/001 "Validaciones y Reglas de Negocio" for releasing a batch: COFEPRIS compliance verified
 * (PROD011); critical parameters measured; pH +-0.2 and density +-2% of target; microbiological test
 * passed for cleaning products; 100% visual inspection for health/wellness products (else PROD006).
 */
@ApplicationScoped
public class QualityGate {

    private static final BigDecimal FULL_INSPECTION = BigDecimal.valueOf(100);

    public void requireReleasable(Batch batch, Recipe recipe, QualityCheck check) {
        if (!Boolean.TRUE.equals(check.cofeprisCompliance())) {
            throw new ProcessException(ProcessErrorCode.PROD011, "batch " + batch.batchNumber
                    + " cannot be released: COFEPRIS compliance not verified", Map.of("batch_id", batch.id.toString()));
        }
        List<String> failures = new ArrayList<>();
        for (QualityParameter parameter : recipe.qualityParameters) {
            evaluate(parameter, check, failures);
        }
        if (check.microbiologicalTest() == MicrobiologicalTest.FAILED) {
            failures.add("microbiological test failed");
        } else if (batch.productCategory == ProductCategory.CLEANING
                && check.microbiologicalTest() != MicrobiologicalTest.PASSED) {
            failures.add("cleaning products need a passed microbiological test (it is "
                    + check.microbiologicalTest().value() + ")");
        }
        if (!Boolean.TRUE.equals(check.colorMatch())) {
            failures.add("colour does not match the standard");
        }
        if (batch.productCategory == ProductCategory.HEALTH_WELLNESS && (check.visualInspectionPercentage() == null
                || check.visualInspectionPercentage().compareTo(FULL_INSPECTION) < 0)) {
            failures.add("health/wellness products need a 100% visual inspection (visual_inspection_percentage is "
                    + check.visualInspectionPercentage() + ")");
        }
        if (!failures.isEmpty()) {
            throw new ProcessException(ProcessErrorCode.PROD006, "quality control of batch " + batch.batchNumber
                    + " failed: " + String.join("; ", failures),
                    Map.of("batch_id", batch.id.toString(), "failures", failures));
        }
    }

    private static void evaluate(QualityParameter parameter, QualityCheck check, List<String> failures) {
        BigDecimal measured = switch (parameter.testType()) {
            case PH -> check.phLevel();
            case DENSITY -> check.density();
            case VISCOSITY -> check.viscosity();
            default -> null;
        };
        boolean numeric = switch (parameter.testType()) {
            case PH, DENSITY, VISCOSITY -> true;
            default -> false;
        };
        if (!numeric) {
            return;
        }
        if (measured == null) {
            if (parameter.critical()) {
                failures.add("critical parameter " + parameter.parameterName() + " (" + parameter.testType().value()
                        + ") was not measured");
            }
            return;
        }
        if (!QualityRules.passes(parameter.testType(), measured, parameter.targetValue(), parameter.toleranceMin(),
                parameter.toleranceMax())) {
            failures.add(parameter.parameterName() + " " + measured + " is out of tolerance for target "
                    + parameter.targetValue() + switch (parameter.testType()) {
                        case PH -> " (pH must be within +-0.2)";
                        case DENSITY -> " (density must be within +-2%)";
                        default -> "";
                    });
        }
    }
}

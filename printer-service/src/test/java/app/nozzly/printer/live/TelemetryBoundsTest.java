package app.nozzly.printer.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterSnapshot.DeviceReport;
import app.nozzly.printer.driver.PrinterSnapshot.JobReport;
import app.nozzly.printer.driver.PrinterSnapshot.Temperatures;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.driver.TraySnapshot;

class TelemetryBoundsTest {

    private static PrinterSnapshot report(Temperatures temperatures, JobReport job, List<TraySnapshot> trays) {
        return new PrinterSnapshot(PrinterState.PRINTING, "RUNNING", temperatures, job, DeviceReport.NONE, null, trays,
                Instant.now());
    }

    private static JobReport job(Double progress, Integer remaining, Double usedGrams) {
        return new JobReport("42", "bracket", "bracket.3mf", progress, 10, 200, remaining, null, usedGrams,
                PrintFileMetadata.NONE, 100);
    }

    @Test
    void valuesThePrinterCanHaveAreKept() {
        PrinterSnapshot sane = report(new Temperatures(215.5, 220.0, 60.0, 60.0, 35.0), job(45.7, 3600, 12.5),
                List.of(new TraySnapshot(0, 0, "PLA", "#FF0000", 80, 1000, "PLA Basic", "u")));
        TelemetryBounds.Checked checked = TelemetryBounds.check(sane);
        assertThat(checked.rejected()).isEmpty();
        assertThat(checked.snapshot()).isEqualTo(sane);
    }

    @Test
    void impossibleValuesBecomeUnknownAndAreNamed() {
        PrinterSnapshot absurd = report(new Temperatures(42_901_129.0, 220.0, -300.0, 60.0, 5_000.0),
                job(-70_663_677.0, -5, -63_608_587.0),
                List.of(new TraySnapshot(0, 0, "PLA", "#FF0000", 1_000_000, -3, null, null)));
        TelemetryBounds.Checked checked = TelemetryBounds.check(absurd);
        PrinterSnapshot kept = checked.snapshot();
        assertThat(kept.temperatures()).isEqualTo(new Temperatures(null, 220.0, null, 60.0, null));
        assertThat(kept.job().progress()).isNull();
        assertThat(kept.job().remainingSeconds()).isNull();
        assertThat(kept.job().filamentUsedGrams()).isNull();
        assertThat(kept.job().name()).isEqualTo("bracket");
        assertThat(kept.trays().get(0).remainPct()).isNull();
        assertThat(kept.trays().get(0).trayWeightGrams()).isNull();
        assertThat(kept.trays().get(0).materialType()).isEqualTo("PLA");
        assertThat(checked.rejected()).hasSize(8)
                .anySatisfy(r -> assertThat(r).isEqualTo("nozzle temperature 42901129 (possible -40..500)"))
                .anySatisfy(r -> assertThat(r).startsWith("progress -70663677"))
                .anySatisfy(r -> assertThat(r).startsWith("filament used (g) -63608587"));
    }

    @Test
    void slicerMetadataIsBoundedLikeThePrintItDescribes() {
        List<String> rejected = new ArrayList<>();
        PrintFileMetadata bounded = TelemetryBounds.metadata(new PrintFileMetadata(-1, 0.2, 274, 150, true, "PLA",
                215, 60, -63_608_587.0), rejected);
        assertThat(bounded).isEqualTo(new PrintFileMetadata(null, 0.2, 274, null, true, "PLA", 215, 60, null));
        assertThat(rejected).hasSize(3);
    }
}

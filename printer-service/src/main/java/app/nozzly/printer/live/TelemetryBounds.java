package app.nozzly.printer.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterSnapshot.JobReport;
import app.nozzly.printer.driver.PrinterSnapshot.Temperatures;
import app.nozzly.printer.driver.TraySnapshot;

/**
 * What a printer can physically report. A value outside these bounds (a nozzle at 42,901,129 °C, progress
 * -70,663,677 %, -63,608,587 g of filament) is a broken sensor or an overflowed counter, not a fact: it is dropped
 * (reported as unknown) before anything stores, shows, costs or counts it.
 */
public final class TelemetryBounds {

    static final double MIN_CELSIUS = -40;
    static final double MAX_NOZZLE_CELSIUS = 500;
    static final double MAX_BED_CELSIUS = 200;
    static final double MAX_CHAMBER_CELSIUS = 150;
    static final int MAX_LAYERS = 100_000;
    static final int MAX_PRINT_SECONDS = 60 * 24 * 3600;
    /** No single print uses more than a big 10 kg spool. */
    static final double MAX_JOB_GRAMS = 10_000;
    static final int MAX_SPEED_PERCENT = 1_000;
    static final int MAX_TRAY_GRAMS = 10_000;

    private TelemetryBounds() {
    }

    /** A report with its impossible values dropped, and a description of each dropped value. */
    public record Checked(PrinterSnapshot snapshot, List<String> rejected) {
    }

    public static Checked check(PrinterSnapshot report) {
        List<String> rejected = new ArrayList<>();
        Temperatures t = report.temperatures();
        Temperatures temperatures = new Temperatures(
                bounded(t.nozzle(), MIN_CELSIUS, MAX_NOZZLE_CELSIUS, "nozzle temperature", rejected),
                bounded(t.nozzleTarget(), MIN_CELSIUS, MAX_NOZZLE_CELSIUS, "nozzle target", rejected),
                bounded(t.bed(), MIN_CELSIUS, MAX_BED_CELSIUS, "bed temperature", rejected),
                bounded(t.bedTarget(), MIN_CELSIUS, MAX_BED_CELSIUS, "bed target", rejected),
                bounded(t.chamber(), MIN_CELSIUS, MAX_CHAMBER_CELSIUS, "chamber temperature", rejected));
        JobReport j = report.job();
        JobReport job = new JobReport(j.printerJobRef(), j.name(), j.file(),
                bounded(j.progress(), 0, 100, "progress", rejected),
                bounded(j.layerCurrent(), 0, MAX_LAYERS, "current layer", rejected),
                bounded(j.layerTotal(), 0, MAX_LAYERS, "total layers", rejected),
                bounded(j.remainingSeconds(), 0, MAX_PRINT_SECONDS, "remaining seconds", rejected),
                bounded(j.elapsedSeconds(), 0, MAX_PRINT_SECONDS, "elapsed seconds", rejected),
                bounded(j.filamentUsedGrams(), 0, MAX_JOB_GRAMS, "filament used (g)", rejected),
                metadata(j.settings(), rejected),
                bounded(j.speedPercent(), 1, MAX_SPEED_PERCENT, "speed (%)", rejected));
        List<TraySnapshot> trays = report.trays().stream().map(tray -> new TraySnapshot(tray.amsId(), tray.trayId(),
                tray.materialType(), tray.color(),
                bounded(tray.remainPct(), 0, 100, "tray " + tray.slot() + " remain (%)", rejected),
                bounded(tray.trayWeightGrams(), 0, MAX_TRAY_GRAMS, "tray " + tray.slot() + " weight (g)", rejected),
                tray.subBrand(), tray.uuid())).toList();
        return new Checked(new PrinterSnapshot(report.state(), report.rawState(), temperatures, job, report.device(),
                report.printError(), trays, report.receivedAt(), report.readOnlyReason()), List.copyOf(rejected));
    }

    /** A print file's slicer metadata, bounded like the print it describes. */
    public static PrintFileMetadata metadata(PrintFileMetadata m, List<String> rejected) {
        return new PrintFileMetadata(
                bounded(m.estimatedPrintTime(), 0, MAX_PRINT_SECONDS, "estimated print time", rejected),
                bounded(m.layerHeight(), 0.01, 2, "layer height (mm)", rejected),
                bounded(m.layerCount(), 0, MAX_LAYERS, "layer count", rejected),
                bounded(m.infill(), 0, 100, "infill (%)", rejected), m.supportMaterial(), m.materialType(),
                bounded(m.nozzleTemperature(), 0, (int) MAX_NOZZLE_CELSIUS, "nozzle temperature", rejected),
                bounded(m.bedTemperature(), 0, (int) MAX_BED_CELSIUS, "bed temperature", rejected),
                bounded(m.filamentGrams(), 0, MAX_JOB_GRAMS, "estimated filament (g)", rejected));
    }

    private static Double bounded(Double value, double min, double max, String what, List<String> rejected) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value < min || value > max) {
            rejected.add(what + " " + plain(value) + " (possible " + plain(min) + ".." + plain(max) + ")");
            return null;
        }
        return value;
    }

    /** 42901129, not 4.2901129E7: the value as the printer sent it. */
    private static String plain(double value) {
        return Double.isNaN(value) ? "NaN" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Integer bounded(Integer value, int min, int max, String what, List<String> rejected) {
        if (value == null) {
            return null;
        }
        if (value < min || value > max) {
            rejected.add(what + " " + value + " (possible " + min + ".." + max + ")");
            return null;
        }
        return value;
    }
}

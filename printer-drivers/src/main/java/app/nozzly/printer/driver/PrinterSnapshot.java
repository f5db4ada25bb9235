package app.nozzly.printer.driver;

import java.time.Instant;
import java.util.List;

/**
 * Everything a driver knows about a printer after its latest report; immutable, replaced on every report.
 *
 * @param printError the printer's error code (Bambu print_error as hex, PrusaLink "ERROR"), null when none
 * @param readOnlyReason why the printer takes no commands from us while it reports normally (Bambu firmware
 *        requiring authorization without Developer Mode), null when it does take them
 */
public record PrinterSnapshot(PrinterState state, String rawState, Temperatures temperatures, JobReport job,
        DeviceReport device, String printError, List<TraySnapshot> trays, Instant receivedAt, String readOnlyReason) {

    public PrinterSnapshot {
        temperatures = temperatures == null ? Temperatures.NONE : temperatures;
        job = job == null ? JobReport.NONE : job;
        device = device == null ? DeviceReport.NONE : device;
        trays = trays == null ? List.of() : List.copyOf(trays);
    }

    /** A printer that takes our commands. */
    public PrinterSnapshot(PrinterState state, String rawState, Temperatures temperatures, JobReport job,
            DeviceReport device, String printError, List<TraySnapshot> trays, Instant receivedAt) {
        this(state, rawState, temperatures, job, device, printError, trays, receivedAt, null);
    }

    /** Degrees Celsius; null where the printer reports nothing (or has no such sensor). */
    public record Temperatures(Double nozzle, Double nozzleTarget, Double bed, Double bedTarget, Double chamber) {

        public static final Temperatures NONE = new Temperatures(null, null, null, null, null);
    }

    /**
     * The print the printer reports; all null when it runs none.
     *
     * @param printerJobRef the printer's own id of the print (PrusaLink job id, Bambu task_id)
     * @param name what the printer calls the print (Bambu subtask_name, the file's display name)
     * @param file the file it prints, as the printer names it; null for a print without a file
     * @param elapsedSeconds time printed so far, when the printer says (PrusaLink time_printing)
     * @param filamentUsedGrams filament the print used, when the printer reports it at its end
     * @param settings what the file's slicer metadata says about the print (material, estimated grams, layers)
     * @param speedPercent print speed relative to the sliced speed
     */
    public record JobReport(String printerJobRef, String name, String file, Double progress, Integer layerCurrent,
            Integer layerTotal, Integer remainingSeconds, Integer elapsedSeconds, Double filamentUsedGrams,
            PrintFileMetadata settings, Integer speedPercent) {

        public static final JobReport NONE = new JobReport(null, null, null, null, null, null, null, null, null,
                PrintFileMetadata.NONE, null);

        public JobReport {
            settings = settings == null ? PrintFileMetadata.NONE : settings;
        }
    }

    /**
     * What the printer says about itself.
     *
     * @param model the model it reports (Bambu get_version), null when it does not say
     * @param camera whether it has a camera, null when it does not say
     */
    public record DeviceReport(String firmwareVersion, String model, Boolean camera) {

        public static final DeviceReport NONE = new DeviceReport(null, null, null);
    }

    /** The last report of a printer that stopped answering: what it printed and carried, no temperatures. */
    public static PrinterSnapshot offline(PrinterSnapshot last) {
        if (last == null) {
            return new PrinterSnapshot(PrinterState.OFFLINE, "OFFLINE", null, null, null, null, List.of(),
                    Instant.now());
        }
        return new PrinterSnapshot(PrinterState.OFFLINE, "OFFLINE", Temperatures.NONE, last.job, last.device,
                last.printError, last.trays, Instant.now(), last.readOnlyReason);
    }
}

package app.nozzly.printer.driver;

import java.time.Instant;
import java.util.List;

/** Everything a driver knows about a printer after its latest report; immutable, replaced on every report. */
public record PrinterSnapshot(
        PrinterState state,
        String rawState,
        Double progress,
        Integer layerCurrent,
        Integer layerTotal,
        Integer remainingSeconds,
        Double nozzle,
        Double nozzleTarget,
        Double bed,
        Double bedTarget,
        Double chamber,
        String jobName,
        String fileName,
        Double filamentUsedGrams,
        String firmwareVersion,
        String printError,
        List<TraySnapshot> trays,
        Instant receivedAt) {

    public PrinterSnapshot {
        trays = trays == null ? List.of() : List.copyOf(trays);
    }

    public static PrinterSnapshot offline(PrinterSnapshot last) {
        if (last == null) {
            return new PrinterSnapshot(PrinterState.OFFLINE, "OFFLINE", null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, List.of(), Instant.now());
        }
        return new PrinterSnapshot(PrinterState.OFFLINE, "OFFLINE", last.progress, last.layerCurrent, last.layerTotal,
                last.remainingSeconds, null, null, null, null, null, last.jobName, last.fileName, last.filamentUsedGrams,
                last.firmwareVersion, last.printError, last.trays, Instant.now());
    }
}

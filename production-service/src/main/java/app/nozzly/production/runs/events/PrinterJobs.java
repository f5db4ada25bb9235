package app.nozzly.production.runs.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The printer.jobs event types a plate follows (README events table; printer-service publishes them). */
public final class PrinterJobs {

    public static final String STARTED = "printer.job.started";
    public static final String FINISHED = "printer.job.finished";
    public static final String FAILED = "printer.job.failed";
    public static final Set<String> FOLLOWED = Set.of(STARTED, FINISHED, FAILED);
    /** external_ref of the print printer-service queued for a plate (specs/000 plates with a printer). */
    public static final String PLATE_REF = "production-plate:";

    private PrinterJobs() {
    }

    /** Filament one AMS tray gave to the job. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tray(int amsId, int trayId, String materialType, String color, Double grams) {
    }

    /**
     * Our tolerant copy of printer-service's printer.job.* payload: the fields plates need. started_at and ended_at
     * are the printer's own times of the job: they make the plate's printing time (machine hours).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Usage(String externalRef, Instant startedAt, Instant endedAt, Double filamentUsedGrams,
            List<Tray> trays) {

        public List<Tray> traysOrEmpty() {
            return trays == null ? List.of() : trays;
        }

        /** The trays' grams when the printer reported any, else filament_used_grams. */
        public Optional<Double> totalGrams() {
            double sum = traysOrEmpty().stream().mapToDouble(t -> t.grams() == null ? 0 : t.grams()).sum();
            if (sum > 0) {
                return Optional.of(sum);
            }
            return Optional.ofNullable(filamentUsedGrams).filter(g -> g > 0);
        }
    }
}

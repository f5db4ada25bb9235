package app.nozzly.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * A print job that advances in simulated seconds: the state machine shared by the Bambu and PrusaLink simulators.
 * Not thread-safe; the owning simulator guards it with its own lock.
 */
public final class SimulatedJob {

    /** Where the job stands. */
    public enum Status { RUNNING, PAUSED, FINISHED, FAILED, STOPPED }

    /** A failing print breaks off at this fraction of its print time, so it reports progress before failing. */
    public static final double FAIL_AT = 0.6;

    private final String fileName;
    private final double printSeconds;
    private final PrintOutcome outcome;
    private final double filamentGrams;
    private double elapsedSeconds;
    private Status status = Status.RUNNING;

    public SimulatedJob(String fileName, Duration printTime, PrintOutcome outcome, double filamentGrams) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(printTime, "printTime");
        if (printTime.isNegative() || printTime.isZero()) {
            throw new IllegalArgumentException("printTime must be positive, was " + printTime);
        }
        if (filamentGrams < 0) {
            throw new IllegalArgumentException("filamentGrams must not be negative, was " + filamentGrams);
        }
        this.printSeconds = printTime.toMillis() / 1000.0;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.filamentGrams = filamentGrams;
    }

    /** Moves the job forward by the given simulated seconds; a paused or ended job does not move. */
    public void advance(double simulatedSeconds) {
        if (status != Status.RUNNING || simulatedSeconds <= 0) {
            return;
        }
        elapsedSeconds += simulatedSeconds;
        if (outcome == PrintOutcome.FAILED && elapsedSeconds >= printSeconds * FAIL_AT) {
            elapsedSeconds = printSeconds * FAIL_AT;
            status = Status.FAILED;
        } else if (elapsedSeconds >= printSeconds) {
            elapsedSeconds = printSeconds;
            status = Status.FINISHED;
        }
    }

    public boolean pause() {
        if (status != Status.RUNNING) {
            return false;
        }
        status = Status.PAUSED;
        return true;
    }

    public boolean resume() {
        if (status != Status.PAUSED) {
            return false;
        }
        status = Status.RUNNING;
        return true;
    }

    public boolean stop() {
        if (!isActive()) {
            return false;
        }
        status = Status.STOPPED;
        return true;
    }

    /** Running or paused: the printer is busy with this job. */
    public boolean isActive() {
        return status == Status.RUNNING || status == Status.PAUSED;
    }

    public Status status() {
        return status;
    }

    public String fileName() {
        return fileName;
    }

    /** Progress between 0 and 1. */
    public double progress() {
        return Math.min(1.0, elapsedSeconds / printSeconds);
    }

    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    public double printSeconds() {
        return printSeconds;
    }

    public double remainingSeconds() {
        return status == Status.RUNNING || status == Status.PAUSED ? Math.max(0, printSeconds - elapsedSeconds) : 0;
    }

    public double filamentGrams() {
        return filamentGrams;
    }

    /** Filament extruded so far: proportional to progress, so a failed or stopped print used only part of it. */
    public double filamentUsedGrams() {
        return filamentGrams * progress();
    }
}

package app.nozzly.printer.jobs.service;

/**
 * specs/003 job timing: estimated_duration is the whole print, so start_time + estimated_duration is the estimated
 * completion. A print first seen half way (at 50 % with 30 minutes left) has printed for 30 minutes already and
 * lasts an hour.
 */
final class JobTiming {

    private JobTiming() {
    }

    /**
     * Seconds a print has run when it is first seen: what the printer says (PrusaLink time_printing), else what its
     * progress and the time it has left imply; 0 when neither is known.
     */
    static int elapsedWhenFound(Integer reportedElapsed, Double progressPercent, Integer remainingSeconds) {
        if (reportedElapsed != null) {
            return reportedElapsed;
        }
        if (progressPercent == null || remainingSeconds == null || progressPercent <= 0 || progressPercent >= 100) {
            return 0;
        }
        return (int) Math.round(remainingSeconds * progressPercent / (100 - progressPercent));
    }

    /** Elapsed plus remaining: the whole print; null while the time left is unknown. */
    static Integer estimatedDuration(long elapsedSeconds, Integer remainingSeconds) {
        if (remainingSeconds == null) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, elapsedSeconds) + remainingSeconds);
    }
}

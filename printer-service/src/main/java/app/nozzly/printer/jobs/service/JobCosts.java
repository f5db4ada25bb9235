package app.nozzly.printer.jobs.service;

import java.time.Duration;
import java.time.Instant;

import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.jobs.PrintJob;

/** specs/003 job costs: material (grams x price per gram) plus power (print hours x draw x energy price). */
final class JobCosts {

    private JobCosts() {
    }

    /** Material and power cost from what the job used (else its estimate) and how long it ran (until {@code now}). */
    static void apply(PrintJob job, PrinterConfig.Costs costs, Instant now) {
        Double grams = job.actualUsage != null ? job.actualUsage : job.estimatedUsage;
        double perGram = job.costPerGram != null ? job.costPerGram : costs.defaultCostPerGram();
        if (grams != null) {
            job.materialCost = round(grams * perGram);
        }
        if (job.startTime != null) {
            Instant end = job.endTime != null ? job.endTime : now;
            double hours = Math.max(0, Duration.between(job.startTime, end).toMillis()) / 3_600_000.0;
            job.powerCost = round(hours * costs.printerPowerKw() * costs.energyPricePerKwh());
        }
    }

    /** The sum of the costs a job has, or null when it has none yet. */
    static Double total(Double material, Double power, Double labor) {
        if (material == null && power == null && labor == null) {
            return null;
        }
        return round(nz(material) + nz(power) + nz(labor));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double nz(Double value) {
        return value == null ? 0 : value;
    }
}

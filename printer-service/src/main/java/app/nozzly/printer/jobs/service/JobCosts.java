package app.nozzly.printer.jobs.service;

import java.time.Duration;
import java.time.Instant;

import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.jobs.PrintJob;

/** specs/003 job costs: material (grams x price per gram) plus power (print hours x draw x energy price). */
final class JobCosts {

    private JobCosts() {
    }

    static void apply(PrintJob job, PrinterConfig.Costs costs) {
        Double grams = job.actualUsage != null ? job.actualUsage : job.estimatedUsage;
        double perGram = job.costPerGram != null ? job.costPerGram : costs.defaultCostPerGram();
        if (grams != null) {
            job.materialCost = round(grams * perGram);
        }
        if (job.startTime != null) {
            Instant end = job.endTime != null ? job.endTime : Instant.now();
            double hours = Duration.between(job.startTime, end).toMillis() / 3_600_000.0;
            job.powerCost = round(hours * costs.printerPowerKw() * costs.energyPricePerKwh());
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

package app.nozzly.printer.jobs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.jobs.PrintJob;

class JobCostsTest {

    private static final PrinterConfig.Costs COSTS = new PrinterConfig.Costs() {
        @Override
        public double defaultCostPerGram() {
            return 0.025;
        }

        @Override
        public double energyPricePerKwh() {
            return 0.30;
        }

        @Override
        public double printerPowerKw() {
            return 0.12;
        }
    };

    private static PrintJob job(Double actual, Double estimated, Double perGram) {
        PrintJob job = new PrintJob();
        job.actualUsage = actual;
        job.estimatedUsage = estimated;
        job.costPerGram = perGram;
        job.startTime = Instant.parse("2025-09-03T12:00:00Z");
        job.endTime = Instant.parse("2025-09-03T14:00:00Z");
        return job;
    }

    @Test
    void materialCostIsTheGramsUsedTimesThePricePerGramAndPowerTheHoursTimesDrawAndPrice() {
        PrintJob job = job(45.5, 50.0, 0.05);
        JobCosts.apply(job, COSTS, Instant.now());
        assertThat(job.materialCost).isEqualTo(2.28);
        assertThat(job.powerCost).isEqualTo(0.07);
        assertThat(JobCosts.total(job.materialCost, job.powerCost, 0.0)).isEqualTo(2.35);
    }

    @Test
    void withoutActualUsageTheEstimateAndTheDefaultPriceCount() {
        PrintJob job = job(null, 40.0, null);
        JobCosts.apply(job, COSTS, Instant.now());
        assertThat(job.materialCost).isEqualTo(1.0);
    }

    @Test
    void aRunningJobCostsPowerUntilNowAndAJobWithoutCostsHasNoTotal() {
        PrintJob job = job(null, null, null);
        job.endTime = null;
        JobCosts.apply(job, COSTS, Instant.parse("2025-09-03T13:00:00Z"));
        assertThat(job.materialCost).isNull();
        assertThat(job.powerCost).isEqualTo(0.04);
        assertThat(JobCosts.total(null, null, null)).isNull();
    }
}

package app.nozzly.printer.statistics.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API records of specs/003 section 5, Statistics &amp; Analytics. */
public final class StatisticsApi {

    private StatisticsApi() {
    }

    public record Printers(long totalActive, long onlineCount, double utilizationRate) {
    }

    public record Jobs(long totalJobs, long completedJobs, long failedJobs, double successRate, long totalPrintTime,
            long averageJobDuration) {
    }

    public record MaterialBreakdown(String material, double usedKg, long jobs) {
    }

    public record Materials(double totalUsedKg, String mostUsedMaterial, List<MaterialBreakdown> materialsBreakdown) {
    }

    public record Business(long businessJobs, long privateJobs, double businessPercentage, double revenueEstimate) {
    }

    public record Files(long totalFiles, long downloadedFiles, long localOnlyFiles, double downloadSuccessRate,
            long totalStorageUsedMb) {
    }

    /** GET /statistics/overview; period is "custom" when start_date chose it. */
    public record Overview(String period, Instant startDate, Instant endDate, Printers printers, Jobs jobs,
            Materials materials, Business business, Files files) {
    }

    public record Uptime(double totalHours, double activeHours, double utilizationRate) {
    }

    public record PrinterJobs(long totalJobs, long completedJobs, long failedJobs, long cancelledJobs,
            double successRate, long averageDuration) {
    }

    public record PrinterMaterials(double totalUsedKg, double costTotal, String mostUsed) {
    }

    /** Maintenance is not reported by the LAN protocols: nothing is invented. */
    public record Maintenance(Instant lastMaintenance, int nozzleChanges, int bedCalibrations) {
    }

    /** Print quality is not reported by the printers: null until operators record it. */
    @Schema(name = "QualityStatistics")
    public record QualityMetrics(Double firstLayerSuccessRate, Double averageSurfaceQuality,
            Double dimensionalAccuracy) {
    }

    /** GET /statistics/printers/{printer_id}. */
    public record PrinterStatistics(String printerId, String printerName, String period, Uptime uptime,
            PrinterJobs jobs, PrinterMaterials materials, Maintenance maintenance, QualityMetrics qualityMetrics) {
    }
}

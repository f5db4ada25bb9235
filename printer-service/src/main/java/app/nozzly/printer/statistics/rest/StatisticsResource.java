package app.nozzly.printer.statistics.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.service.PrinterService;

/** specs/003 section 5, Statistics & Analytics, computed from the jobs and files of the caller's tenant. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class StatisticsResource {

    @Inject
    PrinterService printers;

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    record Period(String name, Instant start, Instant end) {
    }

    static Period period(String period, String startDate, String endDate) {
        String name = period == null ? "month" : period;
        Instant end = endDate == null ? Instant.now() : day(endDate, "end_date").plus(Duration.ofDays(1)).minusSeconds(1);
        Instant start;
        if (startDate != null) {
            start = day(startDate, "start_date");
            name = period == null ? "custom" : name;
        } else {
            start = switch (name) {
                case "day" -> end.minus(Duration.ofDays(1));
                case "week" -> end.minus(Duration.ofDays(7));
                case "month" -> end.minus(Duration.ofDays(30));
                case "year" -> end.minus(Duration.ofDays(365));
                default -> throw ApiException.badRequest("period must be day, week, month or year");
            };
        }
        if (start.isAfter(end)) {
            throw ApiException.badRequest("start_date must not be after end_date");
        }
        return new Period(name, start, end);
    }

    private static Instant day(String value, String field) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO date like 2025-08-01");
        }
    }

    private static String materialName(PrintJob job) {
        return String.join(" ", java.util.stream.Stream.of(job.materialBrand, job.materialType, job.materialColor)
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    @GET
    @Path("/overview")
    public Map<String, Object> overview(@QueryParam("period") String period, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate) {
        Period p = period(period, startDate, endDate);
        List<PrintJob> jobs = PrintJob.list("startTime >= ?1 and startTime <= ?2", p.start(), p.end());
        List<Printer> active = printers.list(true, null);
        long online = active.stream().filter(pr -> connections.connection(tenants.require(), pr.id)
                .map(c -> c.snapshot() != null && c.snapshot().state() != app.nozzly.printer.driver.PrinterState.OFFLINE)
                .orElse(false)).count();
        long completed = jobs.stream().filter(j -> PrintJob.COMPLETED.equals(j.status)).count();
        long failed = jobs.stream().filter(j -> PrintJob.FAILED.equals(j.status)).count();
        long printTime = jobs.stream().mapToLong(StatisticsResource::duration).sum();
        double periodSeconds = Math.max(1, Duration.between(p.start(), p.end()).toSeconds());
        Map<String, List<PrintJob>> byMaterial = jobs.stream().filter(j -> j.actualUsage != null && j.materialType != null)
                .collect(Collectors.groupingBy(StatisticsResource::materialName));
        List<Map<String, Object>> breakdown = byMaterial.entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("material", e.getKey());
            m.put("used_kg", round(e.getValue().stream().mapToDouble(j -> j.actualUsage).sum() / 1000.0, 3));
            m.put("jobs", e.getValue().size());
            return m;
        }).sorted(Comparator.comparing((Map<String, Object> m) -> (Double) m.get("used_kg")).reversed()).toList();
        long business = jobs.stream().filter(j -> j.isBusiness).count();
        double revenue = jobs.stream().filter(j -> j.isBusiness).mapToDouble(j -> nz(j.materialCost) + nz(j.powerCost)
                + nz(j.laborCost)).sum();
        long downloaded = PrinterFile.count("status", PrinterFile.DOWNLOADED);
        long errors = PrinterFile.count("status", PrinterFile.ERROR);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", p.name());
        body.put("start_date", p.start());
        body.put("end_date", p.end());
        body.put("printers", Map.of("total_active", active.size(), "online_count", online, "utilization_rate",
                active.isEmpty() ? 0.0 : round(printTime / (periodSeconds * active.size()), 3)));
        Map<String, Object> jobStats = new LinkedHashMap<>();
        jobStats.put("total_jobs", jobs.size());
        jobStats.put("completed_jobs", completed);
        jobStats.put("failed_jobs", failed);
        jobStats.put("success_rate", completed + failed == 0 ? 0.0 : round((double) completed / (completed + failed), 3));
        jobStats.put("total_print_time", printTime);
        jobStats.put("average_job_duration", jobs.isEmpty() ? 0 : printTime / jobs.size());
        body.put("jobs", jobStats);
        Map<String, Object> materials = new LinkedHashMap<>();
        materials.put("total_used_kg", round(jobs.stream().mapToDouble(j -> nz(j.actualUsage)).sum() / 1000.0, 3));
        materials.put("most_used_material", breakdown.isEmpty() ? null : breakdown.get(0).get("material"));
        materials.put("materials_breakdown", breakdown);
        body.put("materials", materials);
        Map<String, Object> businessStats = new LinkedHashMap<>();
        businessStats.put("business_jobs", business);
        businessStats.put("private_jobs", jobs.size() - business);
        businessStats.put("business_percentage", jobs.isEmpty() ? 0.0 : round((double) business / jobs.size(), 3));
        businessStats.put("revenue_estimate", round(revenue, 2));
        body.put("business", businessStats);
        Map<String, Object> fileStats = new LinkedHashMap<>();
        fileStats.put("total_files", PrinterFile.count());
        fileStats.put("downloaded_files", downloaded);
        fileStats.put("local_only_files", PrinterFile.count("printerId is null"));
        fileStats.put("download_success_rate", downloaded + errors == 0 ? 1.0 : round((double) downloaded / (downloaded + errors), 3));
        fileStats.put("total_storage_used_mb", PrinterFile.<PrinterFile> list("localPath is not null").stream()
                .mapToLong(f -> f.fileSize).sum() / (1024 * 1024));
        body.put("files", fileStats);
        return body;
    }

    @GET
    @Path("/printers/{printer_id}")
    public Map<String, Object> printer(@PathParam("printer_id") String printerId, @QueryParam("period") String period,
            @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate) {
        Printer printer = printers.find(printerId);
        Period p = period(period, startDate, endDate);
        List<PrintJob> jobs = PrintJob.list("printerId = ?1 and startTime >= ?2 and startTime <= ?3", printerId,
                p.start(), p.end());
        long completed = jobs.stream().filter(j -> PrintJob.COMPLETED.equals(j.status)).count();
        long failed = jobs.stream().filter(j -> PrintJob.FAILED.equals(j.status)).count();
        long cancelled = jobs.stream().filter(j -> PrintJob.CANCELLED.equals(j.status)).count();
        long printTime = jobs.stream().mapToLong(StatisticsResource::duration).sum();
        Instant from = p.start().isBefore(printer.createdAt) ? printer.createdAt : p.start();
        double totalHours = Math.max(0, Duration.between(from, p.end()).toSeconds() / 3600.0);
        String mostUsed = jobs.stream().filter(j -> j.materialType != null)
                .collect(Collectors.groupingBy(StatisticsResource::materialName, Collectors.summingDouble(j -> nz(j.actualUsage))))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("printer_id", printer.id);
        body.put("printer_name", printer.name);
        body.put("period", p.name());
        body.put("uptime", Map.of("total_hours", round(totalHours, 1), "active_hours", round(printTime / 3600.0, 1),
                "utilization_rate", totalHours == 0 ? 0.0 : round(printTime / 3600.0 / totalHours, 3)));
        Map<String, Object> jobStats = new LinkedHashMap<>();
        jobStats.put("total_jobs", jobs.size());
        jobStats.put("completed_jobs", completed);
        jobStats.put("failed_jobs", failed);
        jobStats.put("cancelled_jobs", cancelled);
        jobStats.put("success_rate", completed + failed + cancelled == 0 ? 0.0
                : round((double) completed / (completed + failed + cancelled), 3));
        jobStats.put("average_duration", jobs.isEmpty() ? 0 : printTime / jobs.size());
        body.put("jobs", jobStats);
        Map<String, Object> materials = new LinkedHashMap<>();
        materials.put("total_used_kg", round(jobs.stream().mapToDouble(j -> nz(j.actualUsage)).sum() / 1000.0, 3));
        materials.put("cost_total", round(jobs.stream().mapToDouble(j -> nz(j.materialCost)).sum(), 2));
        materials.put("most_used", mostUsed);
        body.put("materials", materials);
        // maintenance and print-quality data are not reported by the LAN protocols; nothing is invented here
        Map<String, Object> maintenance = new LinkedHashMap<>();
        maintenance.put("last_maintenance", null);
        maintenance.put("nozzle_changes", 0);
        maintenance.put("bed_calibrations", 0);
        body.put("maintenance", maintenance);
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("first_layer_success_rate", null);
        quality.put("average_surface_quality", null);
        quality.put("dimensional_accuracy", null);
        body.put("quality_metrics", quality);
        return body;
    }

    private static long duration(PrintJob job) {
        if (job.startTime == null) {
            return 0;
        }
        return Duration.between(job.startTime, job.endTime != null ? job.endTime : Instant.now()).toSeconds();
    }

    private static double nz(Double value) {
        return value == null ? 0 : value;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

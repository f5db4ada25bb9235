package app.nozzly.printer.statistics.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.files.FileStatus;
import app.nozzly.printer.files.mapping.FileMapper;
import app.nozzly.printer.files.repository.PrinterFileRepository;
import app.nozzly.printer.files.repository.PrinterFileRepository.Totals;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.statistics.Period;
import app.nozzly.printer.statistics.api.StatisticsApi.Business;
import app.nozzly.printer.statistics.api.StatisticsApi.Files;
import app.nozzly.printer.statistics.api.StatisticsApi.Jobs;
import app.nozzly.printer.statistics.api.StatisticsApi.Maintenance;
import app.nozzly.printer.statistics.api.StatisticsApi.MaterialBreakdown;
import app.nozzly.printer.statistics.api.StatisticsApi.Materials;
import app.nozzly.printer.statistics.api.StatisticsApi.Overview;
import app.nozzly.printer.statistics.api.StatisticsApi.PrinterJobs;
import app.nozzly.printer.statistics.api.StatisticsApi.PrinterMaterials;
import app.nozzly.printer.statistics.api.StatisticsApi.PrinterStatistics;
import app.nozzly.printer.statistics.api.StatisticsApi.Printers;
import app.nozzly.printer.statistics.api.StatisticsApi.QualityMetrics;
import app.nozzly.printer.statistics.api.StatisticsApi.Uptime;
import app.nozzly.printer.statistics.repository.StatisticsRepository;
import app.nozzly.printer.statistics.repository.StatisticsRepository.JobTotals;
import app.nozzly.printer.statistics.repository.StatisticsRepository.MaterialUse;
import app.nozzly.printer.statistics.repository.StatisticsRepository.Quality;

/** specs/003 section 5: statistics of the caller's tenant over a period, from SQL aggregates. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    @Inject
    StatisticsRepository statistics;

    @Inject
    PrinterRepository printers;

    @Inject
    PrinterFileRepository files;

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    /** The period asked for: start_date..end_date (whole days, UTC), else period back from end_date or now. */
    record Window(String name, Instant start, Instant end) {

        static Window of(Period period, LocalDate startDate, LocalDate endDate, Instant now) {
            Instant end = endDate == null ? now : endDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
            Period chosen = period == null ? Period.MONTH : period;
            Instant start = startDate != null ? startDate.atStartOfDay().toInstant(ZoneOffset.UTC)
                    : end.minus(chosen.length());
            if (start.isAfter(end)) {
                throw ApiProblem.badRequest("start_date must not be after end_date");
            }
            return new Window(startDate != null && period == null ? "custom" : chosen.value(), start, end);
        }

        long seconds() {
            return Math.max(1, Duration.between(start, end).toSeconds());
        }
    }

    public Overview overview(Period period, LocalDate startDate, LocalDate endDate) {
        Window window = Window.of(period, startDate, endDate, Instant.now());
        JobTotals jobs = statistics.jobTotals(window.start(), window.end(), null);
        List<MaterialUse> materials = statistics.materials(window.start(), window.end(), null);
        List<Printer> active = printers.active();
        String tenant = tenants.require();
        long online = active.stream().filter(p -> connections.connection(tenant, p.id)
                .map(c -> c.snapshot() != null && c.snapshot().state() != PrinterState.OFFLINE).orElse(false)).count();
        List<MaterialBreakdown> breakdown = materials.stream()
                .map(m -> new MaterialBreakdown(name(m), round(m.grams() / 1000.0, 3), m.jobs())).toList();
        Totals totals = files.totals();
        long downloaded = totals.count(FileStatus.DOWNLOADED);
        return new Overview(window.name(), window.start(), window.end(),
                new Printers(active.size(), online, active.isEmpty() ? 0.0
                        : round((double) jobs.printSeconds() / (window.seconds() * active.size()), 3)),
                new Jobs(jobs.total(), jobs.completed(), jobs.failed(), rate(jobs.completed(),
                        jobs.completed() + jobs.failed()), jobs.printSeconds(), average(jobs.printSeconds(), jobs.total())),
                new Materials(round(jobs.grams() / 1000.0, 3), breakdown.isEmpty() ? null : breakdown.get(0).material(),
                        breakdown),
                new Business(jobs.business(), jobs.total() - jobs.business(), rate(jobs.business(), jobs.total()),
                        round(jobs.businessCost(), 2)),
                new Files(totals.total(), downloaded, files.countLocalOnly(),
                        FileMapper.successRate(downloaded, totals.count(FileStatus.ERROR)),
                        FileMapper.megabytes(totals.localBytes())));
    }

    public PrinterStatistics printer(Printer printer, Period period, LocalDate startDate, LocalDate endDate) {
        Window window = Window.of(period, startDate, endDate, Instant.now());
        JobTotals jobs = statistics.jobTotals(window.start(), window.end(), printer.id);
        List<MaterialUse> materials = statistics.materials(window.start(), window.end(), printer.id);
        Quality quality = statistics.quality(window.start(), window.end(), printer.id);
        Instant from = window.start().isBefore(printer.createdAt) ? printer.createdAt : window.start();
        double totalHours = Math.max(0, Duration.between(from, window.end()).toSeconds() / 3600.0);
        double activeHours = jobs.printSeconds() / 3600.0;
        long ended = jobs.completed() + jobs.failed() + jobs.cancelled();
        return new PrinterStatistics(printer.id, printer.name, window.name(),
                new Uptime(round(totalHours, 1), round(activeHours, 1),
                        totalHours == 0 ? 0.0 : round(activeHours / totalHours, 3)),
                new PrinterJobs(jobs.total(), jobs.completed(), jobs.failed(), jobs.cancelled(),
                        rate(jobs.completed(), ended), average(jobs.printSeconds(), jobs.total())),
                new PrinterMaterials(round(jobs.grams() / 1000.0, 3), round(jobs.materialCost(), 2),
                        materials.isEmpty() ? null : name(materials.get(0))),
                new Maintenance(null, 0, 0),
                new QualityMetrics(quality.rated() == 0 ? null : rate(quality.goodFirstLayers(), quality.rated()),
                        quality.surfaceScore() == null ? null : round(quality.surfaceScore(), 1),
                        quality.dimensionalAccuracy() == null ? null : round(quality.dimensionalAccuracy(), 3)));
    }

    /** "OVERTURE PLA Black": brand, type and colour as far as known. */
    private static String name(MaterialUse material) {
        return Stream.of(material.brand(), material.type(), material.color()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : round((double) part / whole, 3);
    }

    private static long average(long total, long count) {
        return count == 0 ? 0 : total / count;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

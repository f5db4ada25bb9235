package app.nozzly.printer.system.service;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.files.repository.PrinterFileRepository;
import app.nozzly.printer.jobs.repository.PrintJobRepository;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.system.api.SystemApi.Database;
import app.nozzly.printer.system.api.SystemApi.Features;
import app.nozzly.printer.system.api.SystemApi.Health;
import app.nozzly.printer.system.api.SystemApi.Info;
import app.nozzly.printer.system.api.SystemApi.SystemSummary;

/** specs/003 section 1: health (the database answers) and the system's configuration summary. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SystemService {

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0")
    String version;

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    @Inject
    PrinterRepository printers;

    @Inject
    PrintJobRepository jobs;

    @Inject
    PrinterFileRepository files;

    public Health health() {
        boolean database;
        try {
            printers.count();
            database = true;
        } catch (RuntimeException e) {
            database = false;
        }
        return new Health(database ? "healthy" : "unhealthy", Instant.now().truncatedTo(ChronoUnit.SECONDS), version,
                database ? "connected" : "disconnected", connections.countFor(tenants.require()),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    public Info info() {
        return new Info(new SystemSummary(version, ZoneId.systemDefault().getId(), "en", true),
                new Database("postgresql", jobs.count(), files.count(), printers.count()),
                new Features(true, true, true, true));
    }
}

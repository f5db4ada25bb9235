package app.nozzly.printer.printers.mapping;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.PrinterConnection;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.api.PrinterApi.BambuPrinter;
import app.nozzly.printer.printers.api.PrinterApi.BambuStatus;
import app.nozzly.printer.printers.api.PrinterApi.Capabilities;
import app.nozzly.printer.printers.api.PrinterApi.CurrentJob;
import app.nozzly.printer.printers.api.PrinterApi.Detail;
import app.nozzly.printer.printers.api.PrinterApi.Statistics;
import app.nozzly.printer.printers.api.PrinterApi.Summary;
import app.nozzly.printer.printers.api.PrinterApi.Temperatures;

/** Printer entity + live connection state -> API records of both views. */
@ApplicationScoped
public class PrinterViews {

    private static final Duration UTILIZATION_WINDOW = Duration.ofDays(7);

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    private Optional<PrinterConnection> live(Printer printer) {
        return connections.connection(tenants.require(), printer.id);
    }

    private Optional<PrinterSnapshot> snapshot(Printer printer) {
        return live(printer).map(PrinterConnection::snapshot);
    }

    /** Live status when this replica follows the printer, else the last persisted one. */
    public String status(Printer printer) {
        if (!printer.isActive) {
            return "inactive";
        }
        return snapshot(printer).map(s -> s.state().apiStatus()).orElse(printer.status);
    }

    private static Optional<PrintJob> openJob(Printer printer) {
        return PrintJob.<PrintJob> find("printerId = ?1 and status in ('printing', 'paused') order by id desc", printer.id)
                .firstResultOptional();
    }

    private static CurrentJob currentJob(Printer printer) {
        return openJob(printer).map(j -> new CurrentJob(j.id, j.jobName, j.status, j.progress, j.layerCurrent,
                j.layerTotal, j.remainingSeconds, j.startTime)).orElse(null);
    }

    private Temperatures temperatures(Printer printer, boolean detailed) {
        return snapshot(printer).filter(s -> s.nozzle() != null || s.bed() != null)
                .map(s -> new Temperatures(s.nozzle(), detailed ? s.nozzleTarget() : null, s.bed(),
                        detailed ? s.bedTarget() : null, s.chamber()))
                .orElse(null);
    }

    public Summary summary(Printer p) {
        return new Summary(p.id, p.name, p.type, p.model, p.ipAddress, p.serialNumber, status(p), currentJob(p),
                temperatures(p, false), p.isActive, p.lastSeen, p.createdAt);
    }

    public Detail detail(Printer p) {
        long total = PrintJob.count("printerId", p.id);
        long ok = PrintJob.count("printerId = ?1 and status = ?2", p.id, PrintJob.COMPLETED);
        long failed = PrintJob.count("printerId = ?1 and status = ?2", p.id, PrintJob.FAILED);
        long printTime = 0;
        double grams = 0;
        for (PrintJob job : PrintJob.<PrintJob> list("printerId = ?1 and endTime is not null", p.id)) {
            printTime += Duration.between(job.startTime, job.endTime).toSeconds();
            grams += job.actualUsage == null ? 0 : job.actualUsage;
        }
        String connection = live(p).map(PrinterConnection::connectionStatus).orElse("disconnected");
        String firmware = snapshot(p).map(PrinterSnapshot::firmwareVersion).orElse(p.firmwareVersion);
        return new Detail(p.id, p.name, p.type, p.model, p.ipAddress, p.serialNumber, p.accessCode, status(p),
                connection, firmware, currentJob(p), temperatures(p, true),
                new Statistics(total, ok, failed, printTime, Math.round(grams / 10.0) / 100.0),
                new Capabilities(p.hasCamera || "X1C".equalsIgnoreCase(p.model) || "H2D".equalsIgnoreCase(p.model),
                        p.hasAms, true),
                p.isActive, p.lastSeen, p.createdAt);
    }

    public BambuPrinter bambu(Printer p) {
        return new BambuPrinter(p.id, p.name, p.isBambu() ? "bambu" : p.type, p.connectionType, p.serialNumber,
                status(p), openJob(p).map(j -> j.jobName).orElse(null), utilization(p), p.createdAt);
    }

    public BambuStatus bambuStatus(Printer p) {
        Optional<PrinterSnapshot> s = snapshot(p);
        Optional<PrintJob> job = openJob(p);
        Instant updated = s.map(PrinterSnapshot::receivedAt).orElse(p.lastSeen);
        return new BambuStatus(p.id, status(p), job.map(j -> j.jobName).orElse(null),
                job.map(j -> j.progress).orElse(s.map(PrinterSnapshot::progress).orElse(0.0)),
                s.map(PrinterSnapshot::nozzle).orElse(null), s.map(PrinterSnapshot::bed).orElse(null),
                s.map(PrinterSnapshot::chamber).orElse(null), utilization(p),
                job.map(j -> j.remainingSeconds).orElse(null), updated);
    }

    /** Share of the last seven days the printer spent printing, in percent. */
    static int utilization(Printer p) {
        Instant since = Instant.now().minus(UTILIZATION_WINDOW);
        long busy = 0;
        for (PrintJob job : PrintJob.<PrintJob> list("printerId = ?1 and startTime > ?2", p.id, since)) {
            Instant end = job.endTime == null ? Instant.now() : job.endTime;
            busy += Duration.between(job.startTime, end).toSeconds();
        }
        return (int) Math.min(100, Math.round(busy * 100.0 / UTILIZATION_WINDOW.toSeconds()));
    }
}

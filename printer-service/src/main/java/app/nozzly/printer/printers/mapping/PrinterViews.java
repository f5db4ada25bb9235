package app.nozzly.printer.printers.mapping;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.repository.PrintJobRepository;
import app.nozzly.printer.jobs.repository.PrintJobRepository.PrinterTotals;
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

/**
 * Printer entity + live connection state -> API records of both views. Lists read the running jobs of all their
 * printers in one query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PrinterViews {

    private static final Duration UTILIZATION_WINDOW = Duration.ofDays(7);

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    @Inject
    PrintJobRepository jobs;

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

    /** Why the printer takes no commands from us although it reports (Bambu Authorization Control), else null. */
    private String readOnlyReason(Printer printer) {
        return snapshot(printer).map(PrinterSnapshot::readOnlyReason).orElse(null);
    }

    private static CurrentJob currentJob(PrintJob j) {
        return j == null ? null : new CurrentJob(j.id, j.jobName, j.status.value(), j.progress, j.layerCurrent,
                j.layerTotal, j.remainingSeconds, j.startTime);
    }

    private Temperatures temperatures(Printer printer, boolean detailed) {
        return snapshot(printer).map(PrinterSnapshot::temperatures)
                .filter(t -> t.nozzle() != null || t.bed() != null)
                .map(t -> new Temperatures(t.nozzle(), detailed ? t.nozzleTarget() : null, t.bed(),
                        detailed ? t.bedTarget() : null, t.chamber()))
                .orElse(null);
    }

    public List<Summary> summaries(List<Printer> printers) {
        Map<String, PrintJob> open = jobs.openOf(printers.stream().map(p -> p.id).toList());
        return printers.stream().map(p -> new Summary(p.id, p.name, p.type, p.model, p.ipAddress, p.serialNumber,
                status(p), currentJob(open.get(p.id)), temperatures(p, false), p.isActive, p.lastSeen, p.createdAt,
                readOnlyReason(p))).toList();
    }

    /** The printer's detail; its access code (full control of the printer on the LAN) only for admins. */
    public Detail detail(Printer p, boolean withAccessCode) {
        PrinterTotals totals = jobs.totalsOf(p.id);
        String connection = live(p).map(PrinterConnection::connectionStatus).orElse("disconnected");
        String readOnly = readOnlyReason(p);
        return new Detail(p.id, p.name, p.type, p.model, p.ipAddress, p.serialNumber,
                withAccessCode ? p.accessCode : null, status(p),
                connection, p.firmwareVersion, currentJob(jobs.open(p.id).orElse(null)), temperatures(p, true),
                new Statistics(totals.total(), totals.completed(), totals.failed(), totals.printSeconds(),
                        Math.round(totals.grams() / 10.0) / 100.0),
                new Capabilities(p.hasCamera, p.hasAms, readOnly == null), p.isActive, p.lastSeen, p.createdAt,
                readOnly, p.agentId);
    }

    public List<BambuPrinter> bambu(List<Printer> printers) {
        List<String> ids = printers.stream().map(p -> p.id).toList();
        Map<String, PrintJob> open = jobs.openOf(ids);
        Map<String, Long> busy = jobs.busySecondsSince(ids, Instant.now().minus(UTILIZATION_WINDOW));
        return printers.stream().map(p -> new BambuPrinter(p.id, p.name, p.isBambu() ? "bambu" : p.type.value(),
                p.connectionType, p.serialNumber, status(p),
                Optional.ofNullable(open.get(p.id)).map(j -> j.jobName).orElse(null),
                utilization(busy.getOrDefault(p.id, 0L)), p.createdAt)).toList();
    }

    public BambuStatus bambuStatus(Printer p) {
        Optional<PrinterSnapshot> s = snapshot(p);
        Optional<PrintJob> job = jobs.open(p.id);
        Instant updated = s.map(PrinterSnapshot::receivedAt).orElse(p.lastSeen);
        long busy = jobs.busySecondsSince(List.of(p.id), Instant.now().minus(UTILIZATION_WINDOW))
                .getOrDefault(p.id, 0L);
        return new BambuStatus(p.id, status(p), job.map(j -> j.jobName).orElse(null),
                job.map(j -> j.progress).orElse(s.map(x -> x.job().progress()).filter(v -> v != null).orElse(0.0)),
                s.map(x -> x.temperatures().nozzle()).orElse(null), s.map(x -> x.temperatures().bed()).orElse(null),
                s.map(x -> x.temperatures().chamber()).orElse(null), utilization(busy),
                job.map(j -> j.remainingSeconds).orElse(null), updated);
    }

    /** Share of the last seven days the printer spent printing, in percent. */
    static int utilization(long busySeconds) {
        return (int) Math.min(100, Math.round(busySeconds * 100.0 / UTILIZATION_WINDOW.toSeconds()));
    }
}

package app.nozzly.printer.queue.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.TraySnapshot;
import app.nozzly.printer.files.repository.PrinterFileRepository;
import app.nozzly.printer.jobs.repository.PrintJobRepository;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.LiveKey;
import app.nozzly.printer.live.PrinterConnection;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.queue.ScheduledPrint;
import app.nozzly.printer.queue.ScheduledPrintStatus;
import app.nozzly.printer.queue.repository.ScheduledPrintRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Starts the next queued print on an idle printer whose loaded material matches. The claim is a conditional
 * update (queued -> started), so two replicas never start the same print; a printer that refuses puts it back.
 */
@ApplicationScoped
public class QueueDispatcher {

    private static final Logger LOG = Logger.getLogger(QueueDispatcher.class);

    @ConfigProperty(name = "printer.queue.read-only-retry", defaultValue = "5m")
    Duration readOnlyRetry;

    /** The read-only printers already named in the log: why, and since when they get no scheduled print. */
    private final Map<LiveKey, ReadOnly> readOnlyNoted = new ConcurrentHashMap<>();

    private record ReadOnly(String reason, Instant since) {
    }

    @Inject
    TenantContext tenants;

    @Inject
    ConnectionManager connections;

    @Inject
    ScheduledPrintRepository prints;

    @Inject
    PrinterRepository printers;

    @Inject
    PrintJobRepository jobs;

    @Inject
    PrinterFileRepository files;

    @Scheduled(every = "${printer.queue.dispatch-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s")
    @ActivateRequestContext
    void dispatch() {
        for (String tenant : prints.tenantsWithQueuedPrints()) {
            try {
                tenants.runAs(tenant, () -> dispatchFor(tenant));
            } catch (RuntimeException e) {
                LOG.errorf(e, "tenant %s: dispatching the print queue failed", tenant);
            }
        }
    }

    record Candidate(long id, String printerId, String path, Integer slot) {
    }

    private void dispatchFor(String tenant) {
        Set<String> busy = new HashSet<>();
        while (true) {
            Optional<Candidate> next = QuarkusTransaction.requiringNew().call(() -> claimNext(tenant, busy));
            if (next.isEmpty()) {
                return;
            }
            Candidate candidate = next.get();
            busy.add(candidate.printerId());
            try {
                PrinterDriver driver = connections.connection(tenant, candidate.printerId())
                        .flatMap(PrinterConnection::driver)
                        .orElseThrow(() -> new PrinterCommandException("printer went offline"));
                driver.startPrint(candidate.path(), candidate.slot());
                LOG.infof("tenant %s: scheduled print %d sent to printer %s (%s)", tenant, candidate.id(),
                        candidate.printerId(), candidate.path());
            } catch (PrinterCommandException e) {
                LOG.warnf("tenant %s: printer %s refused scheduled print %d: %s; back in the queue", tenant,
                        candidate.printerId(), candidate.id(), e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> prints.byId(candidate.id())
                        .filter(print -> print.status == ScheduledPrintStatus.STARTED && print.jobId == null)
                        .ifPresent(print -> {
                            print.status = ScheduledPrintStatus.QUEUED;
                            print.dispatchedPrinterId = null;
                            print.lastError = e.getMessage();
                        }));
            }
        }
    }

    private Optional<Candidate> claimNext(String tenant, Set<String> busy) {
        for (ScheduledPrint print : prints.queued()) {
            for (Printer printer : printersFor(print)) {
                if (busy.contains(printer.id) || !idle(tenant, printer)) {
                    continue;
                }
                PrinterSnapshot snapshot = connections.connection(tenant, printer.id).map(PrinterConnection::snapshot)
                        .orElse(null);
                if (!materialMatches(print, printer, snapshot)) {
                    continue;
                }
                Integer slot = slotFor(print, snapshot);
                if (prints.claim(print.id, printer.id)) {
                    return Optional.of(new Candidate(print.id, printer.id, pathOf(printer, print.fileName), slot));
                }
            }
        }
        return Optional.empty();
    }

    private List<Printer> printersFor(ScheduledPrint print) {
        if (print.printerId != null) {
            return printers.byId(print.printerId).filter(printer -> printer.isActive).map(List::of).orElse(List.of());
        }
        return printers.active();
    }

    private boolean idle(String tenant, Printer printer) {
        Optional<PrinterConnection> connection = connections.connection(tenant, printer.id);
        if (connection.flatMap(PrinterConnection::driver).isEmpty()) {
            return false;
        }
        PrinterSnapshot snapshot = connection.get().snapshot();
        if (snapshot == null || !takesCommands(tenant, printer, snapshot.readOnlyReason())
                || !snapshot.state().acceptsPrint()) {
            return false;
        }
        // one dispatched print at a time: wait until the printer has actually started (or refused) the last one
        return !prints.awaitsStart(printer.id) && jobs.open(printer.id).isEmpty();
    }

    /**
     * Whether the printer takes commands. A read-only one (it refused our last command, Bambu Authorization
     * Control) is skipped and named once in the log instead of being sent a print every round; once every
     * {@code printer.queue.read-only-retry} it gets one print again, since an A1 or P1 tells Developer Mode only by
     * taking a command.
     */
    private boolean takesCommands(String tenant, Printer printer, String reason) {
        LiveKey key = new LiveKey(tenant, printer.id);
        if (reason == null) {
            if (readOnlyNoted.remove(key) != null) {
                LOG.infof("tenant %s: printer %s takes commands again; dispatching scheduled prints to it", tenant,
                        printer.id);
            }
            return true;
        }
        Instant now = Instant.now();
        ReadOnly noted = readOnlyNoted.get(key);
        if (noted == null || !noted.reason().equals(reason)) {
            readOnlyNoted.put(key, new ReadOnly(reason, now));
            LOG.warnf("tenant %s: printer %s is read-only, no scheduled print is sent to it (again in %s): %s", tenant,
                    printer.id, readOnlyRetry, reason);
            return false;
        }
        if (Duration.between(noted.since(), now).compareTo(readOnlyRetry) < 0) {
            return false;
        }
        readOnlyNoted.put(key, new ReadOnly(reason, now));
        LOG.infof("tenant %s: printer %s has been read-only for %s; trying a scheduled print again", tenant,
                printer.id, readOnlyRetry);
        return true;
    }

    /** A printer that reports no filament at all (PrusaLink) only matches when the print names it. */
    static boolean materialMatches(ScheduledPrint print, Printer printer, PrinterSnapshot snapshot) {
        if (print.materialType == null) {
            return true;
        }
        List<TraySnapshot> trays = snapshot == null ? List.of() : snapshot.trays();
        if (trays.isEmpty()) {
            return printer.id.equals(print.printerId);
        }
        return trays.stream().anyMatch(t -> t.loaded() && print.materialType.equalsIgnoreCase(t.materialType())
                && (print.materialSlot == null || t.slot() == print.materialSlot || t.amsId() >= 128));
    }

    /** The 1-based AMS slot to print from, or null for the printer's default (external spool, no AMS). */
    static Integer slotFor(ScheduledPrint print, PrinterSnapshot snapshot) {
        List<TraySnapshot> trays = snapshot == null ? List.of() : snapshot.trays();
        if (print.materialSlot != null) {
            for (TraySnapshot tray : trays) {
                if (tray.slot() == print.materialSlot && tray.loaded() && (print.materialType == null
                        || print.materialType.equalsIgnoreCase(tray.materialType()))) {
                    return tray.amsId() < 128 ? tray.slot() : null;
                }
            }
            return print.materialType == null && trays.isEmpty() ? print.materialSlot : null;
        }
        if (print.materialType == null) {
            return null;
        }
        for (TraySnapshot tray : trays) {
            if (tray.loaded() && tray.amsId() < 128 && print.materialType.equalsIgnoreCase(tray.materialType())) {
                return tray.slot();
            }
        }
        return null;
    }

    private String pathOf(Printer printer, String fileName) {
        if (fileName.startsWith("/")) {
            return fileName;
        }
        return files.onPrinterNamed(printer.id, fileName).map(file -> file.printerPath)
                .orElse(printer.isBambu() ? "/cache/" + fileName : "/" + fileName);
    }
}

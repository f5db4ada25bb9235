package app.nozzly.printer.queue.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.TraySnapshot;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.PrinterConnection;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.queue.ScheduledPrint;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Starts the next queued print on an idle printer whose loaded material matches. The claim is a conditional
 * update (queued -> started), so two replicas never start the same print; a printer that refuses puts it back.
 */
@ApplicationScoped
public class QueueDispatcher {

    private static final Logger LOG = Logger.getLogger(QueueDispatcher.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenants;

    @Inject
    ConnectionManager connections;

    @Scheduled(every = "${printer.queue.dispatch-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s")
    @ActivateRequestContext
    void dispatch() {
        for (String tenant : tenantsWithQueuedPrints()) {
            try {
                tenants.runAs(tenant, () -> dispatchFor(tenant));
            } catch (RuntimeException e) {
                LOG.errorf(e, "tenant %s: dispatching the print queue failed", tenant);
            }
        }
    }

    private List<String> tenantsWithQueuedPrints() {
        List<String> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select distinct tenant_id from scheduled_print where status = 'queued'");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        } catch (SQLException e) {
            LOG.warnf("cannot read the print queues: %s", e.getMessage());
        }
        return result;
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
                QuarkusTransaction.requiringNew().run(() -> {
                    ScheduledPrint print = ScheduledPrint.findById(candidate.id());
                    if (print != null && ScheduledPrint.STARTED.equals(print.status) && print.jobId == null) {
                        print.status = ScheduledPrint.QUEUED;
                        print.dispatchedPrinterId = null;
                        print.lastError = e.getMessage();
                    }
                });
            }
        }
    }

    private Optional<Candidate> claimNext(String tenant, Set<String> busy) {
        List<ScheduledPrint> queued = ScheduledPrint.list("status = ?1 order by priority, createdAt, id",
                ScheduledPrint.QUEUED);
        for (ScheduledPrint print : queued) {
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
                int claimed = ScheduledPrint.update("status = ?1, dispatchedPrinterId = ?2, startedAt = ?3, updatedAt = ?3"
                        + " where id = ?4 and status = ?5", ScheduledPrint.STARTED, printer.id, Instant.now(), print.id,
                        ScheduledPrint.QUEUED);
                if (claimed == 1) {
                    return Optional.of(new Candidate(print.id, printer.id, pathOf(printer, print.fileName), slot));
                }
            }
        }
        return Optional.empty();
    }

    private static List<Printer> printersFor(ScheduledPrint print) {
        if (print.printerId != null) {
            Printer printer = Printer.findById(print.printerId);
            return printer == null || !printer.isActive ? List.of() : List.of(printer);
        }
        return Printer.list("isActive = true order by id");
    }

    private boolean idle(String tenant, Printer printer) {
        Optional<PrinterConnection> connection = connections.connection(tenant, printer.id);
        if (connection.flatMap(PrinterConnection::driver).isEmpty()) {
            return false;
        }
        PrinterSnapshot snapshot = connection.get().snapshot();
        if (snapshot == null || !snapshot.state().acceptsPrint()) {
            return false;
        }
        // one dispatched print at a time: wait until the printer has actually started (or refused) the last one
        return ScheduledPrint.count("dispatchedPrinterId = ?1 and status = ?2 and jobId is null", printer.id,
                ScheduledPrint.STARTED) == 0
                && PrintJob.count("printerId = ?1 and status in ('printing', 'paused')", printer.id) == 0;
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

    private static String pathOf(Printer printer, String fileName) {
        if (fileName.startsWith("/")) {
            return fileName;
        }
        PrinterFile file = PrinterFile.<PrinterFile> find("printerId = ?1 and filename = ?2", printer.id, fileName)
                .firstResult();
        if (file != null && file.printerPath != null) {
            return file.printerPath;
        }
        return printer.isBambu() ? "/cache/" + fileName : "/" + fileName;
    }
}

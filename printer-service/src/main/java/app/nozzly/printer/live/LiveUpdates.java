package app.nozzly.printer.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterSnapshot.JobReport;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.files.service.FileService;
import app.nozzly.printer.jobs.service.JobTracker;
import app.nozzly.printer.materials.service.MaterialService;
import app.nozzly.printer.printers.service.PrinterStatusService;
import app.nozzly.printer.ws.LiveSocket;
import app.nozzly.printer.ws.SystemAlerts;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns each printer report into what users see: the WebSocket message and alerts at once, then (on the replica
 * writing the printer) in one transaction the persisted status, AMS trays and the job the printer is running (with
 * their events in the outbox).
 */
@ApplicationScoped
public class LiveUpdates implements SnapshotHandler {

    /** Often enough that last_seen stays within its resolution. */
    static final Duration STORE_AT_LEAST_EVERY = PrinterStatusService.LAST_SEEN_RESOLUTION.dividedBy(2);

    @Inject
    TenantContext tenants;

    @Inject
    PrinterStatusService status;

    @Inject
    MaterialService materials;

    @Inject
    JobTracker jobs;

    @Inject
    LiveSocket socket;

    @Inject
    FileService files;

    @Inject
    SystemAlerts alerts;

    /** When each printer's report last went to the database. */
    private final Map<LiveKey, Instant> storedAt = new ConcurrentHashMap<>();

    @Override
    @ActivateRequestContext
    public void onSnapshot(LiveKey key, PrinterSnapshot previous, PrinterSnapshot current, boolean record) {
        try {
            if (record) {
                store(key, previous, current);
            }
        } finally {
            // told after the report is stored: a client that asks the API on hearing of an ended print finds its job
            // ended; told even when the database is away, where live status is all a farm has
            socket.printerStatus(key, current);
            alerts.onSnapshot(key, previous, current);
        }
        if (!record) {
            return;
        }
        boolean cameOnline = current.state() != PrinterState.OFFLINE
                && (previous == null || previous.state() == PrinterState.OFFLINE);
        boolean jobEnded = previous != null && previous.state().isActive() && !current.state().isActive();
        if (cameOnline || jobEnded) {
            // the printer's storage may have changed: new print files, timelapses
            files.syncLater(key.tenant(), key.printerId());
        }
    }

    private void store(LiveKey key, PrinterSnapshot previous, PrinterSnapshot current) {
        Instant now = Instant.now();
        Instant stored = storedAt.get(key);
        // a report that changes nothing stored (temperatures only, most seconds of a print) costs no transaction;
        // one still goes through every STORE_AT_LEAST_EVERY, which keeps last_seen fresh and repairs a failed write
        if (previous == null || stored == null || !storesLike(previous, current)
                || Duration.between(stored, now).compareTo(STORE_AT_LEAST_EVERY) >= 0) {
            tenants.runAs(key.tenant(), () -> QuarkusTransaction.requiringNew().run(() -> {
                status.record(key.printerId(), previous, current);
                materials.sync(key.printerId(), previous, current);
                jobs.track(key.printerId(), previous, current);
            }));
            storedAt.put(key, now);
        }
    }

    @Override
    @ActivateRequestContext
    public void onIdentified(LiveKey key, String serial, String certificateFingerprint) {
        tenants.runAs(key.tenant(), () -> QuarkusTransaction.requiringNew()
                .run(() -> status.identified(key.printerId(), serial, certificateFingerprint)));
    }

    /** Forgets a printer whose connection was closed. */
    public void forget(LiveKey key) {
        storedAt.remove(key);
    }

    /** Whether two reports agree on everything the status (and its event), AMS trays and job tracking store. */
    static boolean storesLike(PrinterSnapshot a, PrinterSnapshot b) {
        return a.state() == b.state() && sameProgress(a.job(), b.job()) && a.device().equals(b.device())
                && Objects.equals(a.printError(), b.printError()) && a.trays().equals(b.trays())
                && Objects.equals(a.readOnlyReason(), b.readOnlyReason())
                && Objects.equals(a.temperatures().nozzleTarget(), b.temperatures().nozzleTarget())
                && Objects.equals(a.temperatures().bedTarget(), b.temperatures().bedTarget());
    }

    /** The same job at the same point; the seconds printed alone (PrusaLink counts them every poll) change nothing. */
    private static boolean sameProgress(JobReport a, JobReport b) {
        return Objects.equals(a.printerJobRef(), b.printerJobRef()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.file(), b.file()) && Objects.equals(a.progress(), b.progress())
                && Objects.equals(a.layerCurrent(), b.layerCurrent()) && Objects.equals(a.layerTotal(), b.layerTotal())
                && Objects.equals(a.remainingSeconds(), b.remainingSeconds())
                && Objects.equals(a.filamentUsedGrams(), b.filamentUsedGrams()) && a.settings().equals(b.settings())
                && Objects.equals(a.speedPercent(), b.speedPercent());
    }
}

package app.nozzly.printer.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.files.service.FileService;
import app.nozzly.printer.jobs.service.JobTracker;
import app.nozzly.printer.materials.service.MaterialService;
import app.nozzly.printer.printers.service.PrinterStatusService;
import app.nozzly.printer.ws.LiveSocket;
import app.nozzly.printer.ws.SystemAlerts;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns each printer report into what users see: the WebSocket message at once, then in one transaction the
 * persisted status, AMS trays and the job the printer is running (with their events in the outbox).
 */
@ApplicationScoped
public class LiveUpdates implements SnapshotHandler {

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

    @Override
    @ActivateRequestContext
    public void onSnapshot(LiveKey key, PrinterSnapshot previous, PrinterSnapshot current) {
        socket.printerStatus(key, current);
        tenants.runAs(key.tenant(), () -> QuarkusTransaction.requiringNew().run(() -> {
            status.record(key.printerId(), previous, current);
            materials.sync(key.printerId(), previous, current);
            jobs.track(key.printerId(), previous, current);
        }));
        alerts.onSnapshot(key, previous, current);
        boolean cameOnline = current.state() != PrinterState.OFFLINE
                && (previous == null || previous.state() == PrinterState.OFFLINE);
        boolean jobEnded = previous != null && previous.state().isActive() && !current.state().isActive();
        if (cameOnline || jobEnded) {
            // the printer's storage may have changed: new print files, timelapses
            files.syncLater(key.tenant(), key.printerId());
        }
    }
}

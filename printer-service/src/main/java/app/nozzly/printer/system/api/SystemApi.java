package app.nozzly.printer.system.api;

import java.time.Instant;

/** API records of specs/003 section 1, System Health &amp; Status. */
public final class SystemApi {

    private SystemApi() {
    }

    /** GET /health; active_printers counts the tenant's printers this replica is connected to. */
    public record Health(String status, Instant timestamp, String version, String database, long activePrinters,
            long uptimeSeconds) {
    }

    public record SystemSummary(String version, String timezone, String language, boolean businessMode) {
    }

    public record Database(String type, long jobsCount, long filesCount, long printersCount) {
    }

    public record Features(boolean jobMonitoring, boolean fileManagement, boolean businessAnalytics,
            boolean previewSystem) {
    }

    /** GET /system/info. */
    public record Info(SystemSummary system, Database database, Features features) {
    }
}

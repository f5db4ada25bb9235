package app.nozzly.gateway;

import java.util.List;

/**
 * The platform's route map (ARCHITECTURE.md, "Gateway route map"): each path prefix, the service that owns it and
 * the error family of the spec the prefix implements. The local stack and the chaos harness route by it.
 */
public final class RouteMap {

    /** One prefix of the map. */
    public record Entry(String prefix, String service, ErrorFamily family) {
    }

    public static final List<Entry> ALL = List.of(
            new Entry("/api/v1/production-runs", "production-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/production/", "production-service", ErrorFamily.SPEC_001),
            new Entry("/api/v1/spools", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/material-types", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/materials", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/products", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/models", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/inventory/", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/integrations/", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/filaments", "inventory-service", ErrorFamily.SPEC_002),
            new Entry("/spoolman/", "inventory-service", ErrorFamily.PROBLEM),
            new Entry("/api/v1/printers", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/v1/jobs", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/v1/files", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/v1/statistics", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/v1/system/", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/v1/health", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/v1/agents", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/bambu/", "printer-service", ErrorFamily.SPEC_002),
            new Entry("/ws", "printer-service", ErrorFamily.SPEC_003),
            new Entry("/api/auth/", "order-sync-service", ErrorFamily.SPEC_002),
            new Entry("/api/orders", "order-sync-service", ErrorFamily.SPEC_002),
            new Entry("/api/analytics/", "order-sync-service", ErrorFamily.SPEC_002),
            new Entry("/api/facility/", "facility-sim-service", ErrorFamily.SPEC_004));

    private RouteMap() {
    }
}

package app.nozzly.stack;

import java.util.List;

/** One of the five services: its module, port and the gateway prefixes it owns. */
record Service(String name, int port, List<String> prefixes) {

    static List<Service> all() {
        return List.of(
                new Service("production-service", 8081,
                        List.of("/api/v1/production-runs", "/api/v1/production/")),
                new Service("inventory-service", 8082,
                        List.of("/api/v1/spools", "/api/v1/material-types", "/api/v1/materials", "/api/v1/products",
                                "/api/v1/models", "/api/v1/inventory/", "/api/filaments")),
                new Service("printer-service", 8083,
                        List.of("/api/v1/printers", "/api/v1/jobs", "/api/v1/files", "/api/v1/statistics",
                                "/api/v1/system/", "/api/v1/health", "/api/bambu/", "/ws")),
                new Service("order-sync-service", 8084,
                        List.of("/api/auth/", "/api/orders", "/api/analytics/")),
                new Service("facility-sim-service", 8085, List.of("/api/facility/")));
    }
}

package app.nozzly.stack;

import java.util.List;

/**
 * One of the five services: its module, its port and a list any tenant may read (the class cache's training start
 * reads it); the prefixes it owns are the gateway's RouteMap.
 */
record Service(String name, int port, String listPath) {

    static List<Service> all() {
        return List.of(
                new Service("production-service", 8081, "/api/v1/production-runs"),
                new Service("inventory-service", 8082, "/api/v1/spools"),
                new Service("printer-service", 8083, "/api/v1/printers"),
                new Service("order-sync-service", 8084, "/api/orders"),
                new Service("facility-sim-service", 8085, "/api/facility/raw-materials"));
    }
}

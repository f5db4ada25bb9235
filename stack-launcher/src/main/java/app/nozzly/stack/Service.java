package app.nozzly.stack;

import java.util.List;

/** One of the five services: its module and port; the prefixes it owns are the gateway's RouteMap. */
record Service(String name, int port) {

    static List<Service> all() {
        return List.of(
                new Service("production-service", 8081),
                new Service("inventory-service", 8082),
                new Service("printer-service", 8083),
                new Service("order-sync-service", 8084),
                new Service("facility-sim-service", 8085));
    }
}

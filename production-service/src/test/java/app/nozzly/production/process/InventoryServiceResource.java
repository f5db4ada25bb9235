package app.nozzly.production.process;

import java.util.Map;

import app.nozzly.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The real inventory-service, packaged and running as its own JVM; production-service's client points at it. */
public class InventoryServiceResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess inventory;

    @Override
    public synchronized Map<String, String> start() {
        if (inventory == null) {
            inventory = ServiceProcess.start("inventory-service", Map.of());
        }
        return Map.of("quarkus.rest-client.inventory.url", inventory.url());
    }

    @Override
    public synchronized void stop() {
        if (inventory != null) {
            inventory.close();
            inventory = null;
        }
    }

    /** Base URL of the running inventory-service, for test fixtures that stock it. */
    public static synchronized String url() {
        return inventory.url();
    }
}

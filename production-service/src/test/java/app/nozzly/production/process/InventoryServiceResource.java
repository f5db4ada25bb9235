package app.nozzly.production.process;

import java.util.Map;

import app.nozzly.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real inventory-service, packaged and running as its own JVM; production-service's client points
 * at it. Started once per test JVM (each start costs a minute on a busy machine) and closed with the JVM.
 */
public class InventoryServiceResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess inventory;

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.inventory.url", url());
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM: closed by the shutdown hook
    }

    /** Base URL of the running inventory-service, for test fixtures that stock it. */
    public static synchronized String url() {
        if (inventory == null) {
            ServiceProcess started = ServiceProcess.start("inventory-service", Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "inventory-service-stop"));
            inventory = started;
        }
        return inventory.url();
    }
}

package app.nozzly.production.runs;

import java.util.Map;

import app.nozzly.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real inventory-service, packaged by the build, running as its own JVM against the test Postgres and
 * Kafka; production-service's REST client points at it. One process per test JVM.
 */
public class InventoryServiceResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess inventory;

    static synchronized String url() {
        if (inventory == null) {
            inventory = startPatiently();
            Runtime.getRuntime().addShutdownHook(new Thread(inventory::close));
        }
        return inventory.url();
    }

    /** Runs {@code work} with inventory-service stopped, then starts it again on the same port. */
    static synchronized void whileStopped(Runnable work) {
        url();
        inventory.close();
        try {
            work.run();
        } finally {
            inventory.start();
        }
    }

    /** On a busy build machine a first JVM start can exceed the readiness wait; a second one is warmer. */
    private static ServiceProcess startPatiently() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return ServiceProcess.start("inventory-service", Map.of());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.inventory.url", url());
    }

    @Override
    public void stop() {
        // the process is shared by every test class of this JVM and ends with it
    }
}

package app.nozzly.clients;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.ServiceProcess;
import app.nozzly.testing.ServiceStack;

/**
 * The five packaged services, each started once per test JVM against the one Postgres and Kafka of
 * {@link PlatformInfra}, and the simulated Etsy order-sync-service signs sellers in with. production-service
 * follows inventory-service, whose stock it reserves and deducts.
 */
final class Services {

    static final String ETSY_KEYSTRING = "clientskeystring";
    static final String ETSY_SECRET = "clientssecret";

    private static Services instance;

    private final ServiceStack stack = new ServiceStack("api-clients-services", 1, Map.of());
    final EtsySimulator etsy;
    final ServiceProcess inventory;
    final ServiceProcess production;
    final ServiceProcess printers;
    final ServiceProcess orderSync;
    final ServiceProcess facility;

    private Services() {
        etsy = stack.alsoClose(EtsySimulator.builder().port(0).keystring(ETSY_KEYSTRING).sharedSecret(ETSY_SECRET)
                .start());
        CompletableFuture<ServiceProcess> inventoryStart = stack.startAsync("inventory-service", stack.settings());
        CompletableFuture<ServiceProcess> orderSyncStart = stack.startAsync("order-sync-service",
                stack.orderSyncSettings(etsy.orderSyncSettings()));
        CompletableFuture<ServiceProcess> printersStart = stack.startAsync("printer-service", stack.printerSettings());
        CompletableFuture<ServiceProcess> facilityStart = stack.startAsync("facility-sim-service", stack.settings());
        inventory = inventoryStart.join();
        Map<String, String> productionConfig = stack.settings();
        productionConfig.put("quarkus.rest-client.inventory.url", inventory.url());
        production = stack.start("production-service", productionConfig);
        orderSync = orderSyncStart.join();
        printers = printersStart.join();
        facility = facilityStart.join();
    }

    static synchronized Services get() {
        if (instance == null) {
            instance = new Services();
        }
        return instance;
    }
}

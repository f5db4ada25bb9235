package app.nozzly.clients;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.ServiceProcess;

/**
 * The five packaged services, each started once per test JVM against the one Postgres and Kafka of
 * {@link PlatformInfra}, and the simulated Etsy order-sync-service signs sellers in with. production-service
 * follows inventory-service, whose stock it reserves and deducts.
 */
final class Services {

    static final String ETSY_KEYSTRING = "clientskeystring";
    static final String ETSY_SECRET = "clientssecret";

    private static Services instance;

    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    final EtsySimulator etsy;
    final ServiceProcess inventory;
    final ServiceProcess production;
    final ServiceProcess printers;
    final ServiceProcess orderSync;
    final ServiceProcess facility;

    private Services() {
        PlatformInfra.get();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "api-clients-services-shutdown"));
        etsy = EtsySimulator.builder().port(0).keystring(ETSY_KEYSTRING).sharedSecret(ETSY_SECRET).start();
        CompletableFuture<ServiceProcess> inventoryStart = CompletableFuture
                .supplyAsync(() -> start("inventory-service", common()));
        CompletableFuture<ServiceProcess> orderSyncStart = CompletableFuture
                .supplyAsync(() -> start("order-sync-service", orderSyncConfig()));
        CompletableFuture<ServiceProcess> printersStart = CompletableFuture
                .supplyAsync(() -> start("printer-service", printerConfig()));
        CompletableFuture<ServiceProcess> facilityStart = CompletableFuture
                .supplyAsync(() -> start("facility-sim-service", common()));
        inventory = inventoryStart.join();
        Map<String, String> productionConfig = common();
        productionConfig.put("quarkus.rest-client.inventory.url", inventory.url());
        production = start("production-service", productionConfig);
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

    /** No rate limits: each service's own tests prove them, here they would only slow the flows down. */
    private static Map<String, String> common() {
        Map<String, String> config = new HashMap<>();
        config.put("platform.rate-limit.enabled", "false");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        return config;
    }

    private Map<String, String> orderSyncConfig() {
        Map<String, String> config = common();
        config.putAll(etsy.orderSyncSettings());
        config.put("ordersync.token-encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return config;
    }

    private static Map<String, String> printerConfig() {
        Map<String, String> config = common();
        config.put("printer.connection.max-backoff", "2s");
        config.put("printer.files.storage-dir", "target/printer-files");
        return config;
    }

    private ServiceProcess start(String module, Map<String, String> config) {
        ServiceProcess service = ServiceProcess.start(module, config);
        started.add(service);
        return service;
    }

    private void close() {
        started.parallelStream().forEach(ServiceProcess::close);
        if (etsy != null) {
            etsy.close();
        }
    }
}

package app.nozzly.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/**
 * The whole platform once per test JVM: the simulated Etsy in this JVM and the four packaged services of the
 * order chain as their own JVMs, against the one Postgres and Kafka of {@link PlatformInfra}. Services that
 * need no other's address start together; production-service follows, pointed at inventory and order-sync.
 */
final class Platform {

    static final String ETSY_KEYSTRING = "e2ekeystring";
    static final String ETSY_SECRET = "e2esecret";

    /**
     * Machine cost per printer hour. The simulator prints 40 minutes in about 8 real seconds, so the hourly cost
     * is high enough for those seconds to cost cents that show in the cost of goods.
     */
    static final BigDecimal PRINTER_HOURLY_COST = new BigDecimal("90.00");

    private static Platform instance;

    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    final EtsySimulator etsy;
    final ServiceProcess inventory;
    final ServiceProcess orderSync;
    final ServiceProcess printers;
    final ServiceProcess production;

    private Platform() {
        // money is compared exactly: JSON decimals read as BigDecimal, not float
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        PlatformInfra.get();
        // whatever starts is stopped with the test JVM, also when a later service fails to start
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "e2e-platform-shutdown"));
        etsy = EtsySimulator.builder().port(0).keystring(ETSY_KEYSTRING).sharedSecret(ETSY_SECRET)
                .ratePerSecond(10).ratePerDay(100_000).start();
        CompletableFuture<ServiceProcess> inventoryStart = CompletableFuture
                .supplyAsync(() -> start("inventory-service", common()));
        CompletableFuture<ServiceProcess> orderSyncStart = CompletableFuture
                .supplyAsync(() -> start("order-sync-service", orderSyncConfig()));
        CompletableFuture<ServiceProcess> printersStart = CompletableFuture
                .supplyAsync(() -> start("printer-service", printerConfig()));
        inventory = inventoryStart.join();
        orderSync = orderSyncStart.join();
        Map<String, String> productionConfig = common();
        productionConfig.put("quarkus.rest-client.inventory.url", inventory.url());
        productionConfig.put("nozzly.clients.order-sync.url", orderSync.url());
        productionConfig.put("nozzly.production.printer-hourly-cost", PRINTER_HOURLY_COST.toPlainString());
        production = start("production-service", productionConfig);
        printers = printersStart.join();
    }

    static synchronized Platform get() {
        if (instance == null) {
            instance = new Platform();
        }
        return instance;
    }

    /**
     * Settings every service gets here: quick outbox relay, a dead consumer's partitions move on soon, and no rate
     * limits (the test polls while it waits for events; each service's own tests prove its limits).
     */
    private static Map<String, String> common() {
        Map<String, String> config = new HashMap<>();
        config.put("platform.rate-limit.enabled", "false");
        config.put("platform.outbox.relay.poll-interval", "200ms");
        config.put("kafka.session.timeout.ms", "8000");
        config.put("kafka.heartbeat.interval.ms", "2000");
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
        config.put("printer.connection.offline-after", "6s");
        config.put("printer.connection.max-backoff", "2s");
        config.put("printer.queue.dispatch-interval", "1s");
        config.put("printer.files.storage-dir", "target/printer-files");
        return config;
    }

    /** On a loaded build machine a first JVM start can exceed the readiness wait; a second one is warmer. */
    private ServiceProcess start(String module, Map<String, String> config) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                ServiceProcess service = ServiceProcess.start(module, config);
                started.add(service);
                return service;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    static Duration eventually() {
        return Duration.ofMinutes(3);
    }

    private void close() {
        started.forEach(ServiceProcess::close);
        if (etsy != null) {
            etsy.close();
        }
    }
}

package app.nozzly.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.ServiceProcess;
import app.nozzly.testing.ServiceStack;
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

    /**
     * Every service here also gets a quick outbox relay and has a dead consumer's partitions move on soon (the test
     * polls while it waits for events).
     */
    private final ServiceStack stack = new ServiceStack("e2e-platform", 2, Map.of(
            "platform.outbox.relay.poll-interval", "200ms",
            "kafka.session.timeout.ms", "8000",
            "kafka.heartbeat.interval.ms", "2000"));
    final EtsySimulator etsy;
    final ServiceProcess inventory;
    final ServiceProcess orderSync;
    final ServiceProcess printers;
    final ServiceProcess production;

    private Platform() {
        // money is compared exactly: JSON decimals read as BigDecimal, not float
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        etsy = stack.alsoClose(EtsySimulator.builder().port(0).keystring(ETSY_KEYSTRING).sharedSecret(ETSY_SECRET)
                .ratePerSecond(10).ratePerDay(100_000).start());
        CompletableFuture<ServiceProcess> inventoryStart = stack.startAsync("inventory-service", stack.settings());
        CompletableFuture<ServiceProcess> orderSyncStart = stack.startAsync("order-sync-service",
                stack.orderSyncSettings(etsy.orderSyncSettings()));
        Map<String, String> printerConfig = stack.printerSettings();
        printerConfig.put("printer.connection.offline-after", "6s");
        printerConfig.put("printer.queue.dispatch-interval", "1s");
        CompletableFuture<ServiceProcess> printersStart = stack.startAsync("printer-service", printerConfig);
        inventory = inventoryStart.join();
        orderSync = orderSyncStart.join();
        Map<String, String> productionConfig = stack.settings();
        productionConfig.put("quarkus.rest-client.inventory.url", inventory.url());
        productionConfig.put("nozzly.clients.order-sync.url", orderSync.url());
        productionConfig.put("nozzly.production.printer-hourly-cost", PRINTER_HOURLY_COST.toPlainString());
        production = stack.start("production-service", productionConfig);
        printers = printersStart.join();
    }

    static synchronized Platform get() {
        if (instance == null) {
            instance = new Platform();
        }
        return instance;
    }

    static Duration eventually() {
        return Duration.ofMinutes(3);
    }
}

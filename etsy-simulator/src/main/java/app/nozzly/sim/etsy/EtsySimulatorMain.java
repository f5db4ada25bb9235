package app.nozzly.sim.etsy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated Etsy of the local stack: one demo shop with a history of receipts and a new order about
 * every 30 seconds. {@code --port 18900 --receipts 300 --keystring K --shared-secret S}.
 */
public final class EtsySimulatorMain {

    private EtsySimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        EtsySimulator etsy = EtsySimulator.builder()
                .port(Integer.parseInt(options.getOrDefault("port", "18900")))
                .keystring(options.getOrDefault("keystring", "nozzlykeystring"))
                .sharedSecret(options.getOrDefault("shared-secret", "nozzlysecret"))
                .ratePerSecond(Integer.parseInt(options.getOrDefault("rate-per-second", "10")))
                .ratePerDay(Integer.parseInt(options.getOrDefault("rate-per-day", "10000")))
                .tokenErrorRate(Double.parseDouble(options.getOrDefault("token-error-rate", "0.05")))
                .start();
        SimShop shop = etsy.createShop("NozzlyDemoPrints", "Dana", "Maker");
        etsy.addReceipts(shop, Integer.parseInt(options.getOrDefault("receipts", "300")), Duration.ofDays(60));
        long every = Long.parseLong(options.getOrDefault("new-receipt-seconds", "30"));
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        arrivals.scheduleAtFixedRate(() -> etsy.addReceipts(shop, 1), every, every, TimeUnit.SECONDS);
        System.out.printf("Etsy simulator: api %s, consent page %s, shop %s (id %d, user %d)%n", etsy.baseUrl(),
                etsy.authorizeUrl(), shop.shopName(), shop.shopId(), shop.userId());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            arrivals.shutdownNow();
            etsy.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}

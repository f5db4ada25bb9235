package app.nozzly.ordersync;

import java.time.Duration;
import java.util.Map;

import app.nozzly.sim.etsy.EtsySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The simulated Etsy of the tests, one per test JVM: Etsy's default 10 requests per second, 3600 s access
 * tokens and a token endpoint that fails 5% of the time.
 */
public class EtsySimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static EtsySimulator etsy;

    public static synchronized EtsySimulator etsy() {
        if (etsy == null) {
            etsy = EtsySimulator.builder().port(0).keystring("testkeystring").sharedSecret("testsecret")
                    .ratePerSecond(10).ratePerDay(100_000).tokenErrorRate(0.05)
                    .accessTokenTtl(Duration.ofSeconds(3600)).offsetCap(12_000).start();
        }
        return etsy;
    }

    @Override
    public Map<String, String> start() {
        EtsySimulator simulator = etsy();
        return Map.of("etsy.api-base-url", simulator.baseUrl(), "etsy.authorize-url", simulator.authorizeUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM
    }
}

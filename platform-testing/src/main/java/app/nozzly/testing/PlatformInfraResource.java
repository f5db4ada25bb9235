package app.nozzly.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the real Postgres and Kafka of {@link PlatformInfra} and at the test
 * token keys. The servers outlive a Quarkus restart between test profiles: they are per JVM.
 */
public class PlatformInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return PlatformInfra.get().serviceConfig();
    }

    @Override
    public void stop() {
        // the servers are shared by every test class of this JVM and stop with it
    }
}

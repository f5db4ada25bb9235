package app.nozzly.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the real Postgres and Kafka of {@link PlatformInfra} and at the test
 * token keys. The servers outlive a Quarkus restart between test profiles: they are per JVM.
 */
public class PlatformInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PlatformInfra infra = PlatformInfra.get();
        Map<String, String> config = new HashMap<>();
        config.put("platform.db.host", "localhost");
        config.put("platform.db.port", String.valueOf(infra.postgresPort()));
        config.put("platform.db.name", "postgres");
        config.put("platform.db.user", PlatformInfra.SERVICE_USER);
        config.put("platform.db.password", PlatformInfra.SERVICE_PASSWORD);
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", infra.publicKey().toUri().toString());
        config.put("smallrye.jwt.sign.key.location", infra.privateKey().toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        // the servers are shared by every test class of this JVM and stop with it
    }
}

package app.nozzly.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.nozzly.printer.support.LiveClient;
import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** /ws behind the gateway, which closes a tunnel idle for 5 minutes: the server pings while a client watches. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class LiveSocketTest {

    private static final Duration GATEWAY_IDLE_TIMEOUT = Duration.ofMinutes(5);

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void theServerPingsAWatchingClientSoTheSocketIsNeverIdle() throws Exception {
        try (LiveClient watching = LiveClient.connect(port, TestTokens.bearer("socket-pings", "viewer"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watching.pings() >= 2);
            assertThat(watching.closedWithin(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void productionPingsWellWithinTheGatewaysIdleTimeout() throws IOException {
        Properties production = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            production.load(in);
        }
        String interval = production.getProperty("quarkus.websockets-next.server.auto-ping-interval");
        assertThat(interval).isNotNull();
        assertThat(Duration.parse("PT" + interval.toUpperCase())).isPositive()
                .isLessThanOrEqualTo(GATEWAY_IDLE_TIMEOUT.dividedBy(2));
    }
}

package app.nozzly.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The expectations the check holds the manifests to are read correctly from the repository. */
class ExpectationsTest {

    @Test
    void routeMapAndEventTopicsComeFromTheReadme() {
        Expectations expectations = Expectations.fromRepository(Repository.root());

        assertThat(expectations.routes())
                .containsEntry("/api/v1/production-runs", "production-service")
                .containsEntry("/api/filaments", "inventory-service")
                .containsEntry("/api/v1/integrations/", "inventory-service")
                .containsEntry("/spoolman/", "inventory-service")
                .containsEntry("/ws", "printer-service")
                .containsEntry("/api/auth/", "order-sync-service")
                .containsEntry("/api/facility/", "facility-sim-service");
        assertThat(expectations.websockets())
                .containsEntry("/ws", "printer-service")
                .containsEntry("/api/v1/production/ws", "production-service");
        assertThat(expectations.topics()).containsKeys("inventory.stock", "production.runs", "production.process",
                "printer.status", "printer.jobs", "orders.events", "facility.events",
                "dlq.order-sync-service.printer.jobs", "dlq.production-service.printer.jobs",
                "dlq.inventory-service.orders.events", "dlq.printer-service.inventory.stock",
                "dlq.printer-service.production.runs");
    }

    @Test
    void channelTopicsIncludeDeadLetterTopicsAndSmallRyeDefaults() {
        String config = """
                quarkus.application.name=order-sync-service
                mp.messaging.incoming.printer-jobs.connector=smallrye-kafka
                mp.messaging.incoming.printer-jobs.topic=printer.jobs
                mp.messaging.incoming.printer-jobs.failure-strategy=dead-letter-queue
                mp.messaging.incoming.printer-jobs.dead-letter-queue.topic=dlq.${quarkus.application.name}.printer.jobs
                mp.messaging.incoming.stock.connector=smallrye-kafka
                mp.messaging.incoming.stock.failure-strategy=dead-letter-queue
                %test.mp.messaging.incoming.stock.topic=ignored.in.prod
                mp.messaging.incoming.in-memory.connector=smallrye-in-memory
                """;

        assertThat(Expectations.channelTopics(config)).containsExactlyInAnyOrder(
                "printer.jobs", "dlq.order-sync-service.printer.jobs", "stock", "dead-letter-topic-stock");
    }

    @Test
    void serviceConfigRequiresEveryExpressionWithoutDefault() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader("""
                quarkus.application.name=order-sync-service
                quarkus.http.port=8084
                etsy.keystring=${ETSY_KEYSTRING}
                smallrye.jwt.sign.key.location=${stack.private-key}
                quarkus.rest-client.inventory.url=${INVENTORY_URL:http://localhost:8082}
                mp.messaging.incoming.a.group.id=${quarkus.application.name}-${quarkus.uuid}
                quarkus.datasource.jdbc.max-size=${platform.db.pool-size}
                %test.etsy.shared-secret=${TEST_ONLY}
                """));

        Properties inherited = new Properties();
        inherited.setProperty("platform.db.pool-size", "16");
        ServiceConfig config = ServiceConfig.of(properties, inherited).orElseThrow();

        assertThat(config.httpPort()).isEqualTo(8084);
        assertThat(config.requiredSettings()).containsExactlyInAnyOrder("ETSY_KEYSTRING", "STACK_PRIVATE_KEY");
    }

    @Test
    void servicesAreReadFromTheirModules() {
        assertThat(Expectations.fromRepository(Repository.root()).services().get("facility-sim-service"))
                .extracting(ServiceConfig::httpPort).isEqualTo(8085);
    }

    @Test
    void healthPathsAndTheNonApplicationRootFollowQuarkusSettings() throws Exception {
        Properties defaults = new Properties();
        defaults.load(new StringReader("quarkus.application.name=a\nquarkus.http.port=8081\n"));
        ServiceConfig plain = ServiceConfig.of(defaults, new Properties()).orElseThrow();
        assertThat(plain.nonApplicationRoot()).isEqualTo("/q");
        assertThat(plain.metricsPath()).isEqualTo("/q/metrics");
        assertThat(plain.healthPaths()).containsEntry("startupProbe", "/q/health/started")
                .containsEntry("readinessProbe", "/q/health/ready").containsEntry("livenessProbe", "/q/health/live");

        Properties moved = new Properties();
        moved.load(new StringReader("""
                quarkus.application.name=b
                quarkus.http.port=8082
                quarkus.http.root-path=/inventory
                quarkus.smallrye-health.readiness-path=/ready-now
                %dev.quarkus.http.non-application-root-path=/dev-only
                """));
        Properties inherited = new Properties();
        inherited.setProperty("quarkus.http.non-application-root-path", "ops");
        ServiceConfig config = ServiceConfig.of(moved, inherited).orElseThrow();
        assertThat(config.nonApplicationRoot()).isEqualTo("/inventory/ops");
        assertThat(config.healthPaths()).containsEntry("livenessProbe", "/inventory/ops/health/live")
                .containsEntry("readinessProbe", "/ready-now");
    }
}

package app.nozzly.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The expectations the check holds the manifests to are read correctly from the repository. */
class ExpectationsTest {

    @Test
    void routeMapAndEventTopicsComeFromTheReadme() {
        Expectations expectations = Expectations.fromRepository(Repository.root());

        assertThat(expectations.routes())
                .containsEntry("/api/v1/production-runs", "production-service")
                .containsEntry("/api/filaments", "inventory-service")
                .containsEntry("/ws", "printer-service")
                .containsEntry("/api/auth/", "order-sync-service")
                .containsEntry("/api/facility/", "facility-sim-service");
        assertThat(expectations.topics()).containsKeys("inventory.stock", "production.runs", "production.process",
                "printer.status", "printer.jobs", "orders.events", "facility.events",
                "dlq.order-sync-service.printer.jobs", "dlq.production-service.printer.jobs",
                "dlq.inventory-service.production.runs", "dlq.printer-service.inventory.stock");
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
}

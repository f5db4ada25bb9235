package app.nozzly.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** CI's check of the committed k8s/ tree: every overlay renders, validates and follows the platform's rules. */
class OverlaysTest {

    static final Set<String> SERVICES = Set.of("production-service", "inventory-service", "printer-service",
            "order-sync-service", "facility-sim-service");

    static OverlayValidator validator;

    @BeforeAll
    static void validator() {
        validator = Repository.validator();
    }

    @Test
    void devAndProdOverlaysExist() {
        assertThat(OverlayValidator.overlays(Repository.k8s()))
                .extracting(p -> p.getFileName().toString())
                .contains("dev", "prod");
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayRendersAndValidatesAgainstSchemasAndRules() {
        return OverlayValidator.overlays(Repository.k8s()).stream()
                .map(overlay -> DynamicTest.dynamicTest(overlay.getFileName().toString(), () -> {
                    Report report = validator.validate(overlay);
                    assertThat(report.problems()).as(report.toString()).isEmpty();
                    assertThat(report.objects()).isGreaterThan(40);
                }));
    }

    /** Components no overlay uses (jwks) must still render and validate on top of prod. */
    @TestFactory
    Stream<DynamicTest> everyOptionalComponentValidatesOnTopOfProd(@TempDir Path copy) throws IOException {
        Repository.copyOfK8s(copy);
        String prod = Files.readString(copy.resolve("overlays/prod/kustomization.yaml"));
        try (Stream<Path> components = Files.list(copy.resolve("components"))) {
            List<Path> optional = components.filter(c -> !prod.contains("components/" + c.getFileName())).sorted().toList();
            assertThat(optional).isNotEmpty();
            return optional.stream().map(component -> DynamicTest.dynamicTest(component.getFileName().toString(), () -> {
                Path overlay = Files.createDirectories(copy.resolve("overlays/prod-with-" + component.getFileName()));
                Files.writeString(overlay.resolve("kustomization.yaml"), """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        resources:
                          - ../prod
                        components:
                          - ../../components/%s
                        """.formatted(component.getFileName()));
                Report report = validator.validate(overlay);
                assertThat(report.problems()).as(report.toString()).isEmpty();
            }));
        }
    }

    @Test
    void prodGivesEveryServiceProbesResourcesHpaAndPdb() throws Exception {
        Manifests prod = render("prod");
        for (String service : SERVICES) {
            JsonNode container = prod.named("Deployment", service).orElseThrow()
                    .at("/spec/template/spec/containers/0");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/started");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/live");
            assertThat(container.at("/resources/requests/cpu").asText()).as(service).isNotEmpty();
            assertThat(container.at("/resources/limits/memory").asText()).as(service).isNotEmpty();
            assertThat(prod.named("HorizontalPodAutoscaler", service).orElseThrow().at("/spec/minReplicas").asInt())
                    .as(service).isGreaterThanOrEqualTo(2);
            assertThat(prod.named("PodDisruptionBudget", service)).as(service).isPresent();
        }
    }

    @Test
    void devRunsOneReplicaOfEachServiceWithoutAutoscaling() throws Exception {
        Manifests dev = render("dev");
        for (String service : SERVICES) {
            assertThat(dev.named("Deployment", service).orElseThrow().at("/spec/replicas").asInt()).as(service).isEqualTo(1);
        }
        assertThat(dev.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void everyGatewayPrefixIncludingWebSocketIsRoutedByHttpRouteAndByTheIngressAlternative() throws Exception {
        Expectations expected = Expectations.fromRepository(Repository.root());
        assertThat(expected.routes()).containsEntry("/ws", "printer-service").containsEntry("/api/facility/", "facility-sim-service");
        List<String> httpRoutePrefixes = render("prod").ofKind("HTTPRoute")
                .flatMap(r -> r.at("/spec/rules").findValues("value").stream())
                .map(JsonNode::asText).toList();
        List<String> ingressPrefixes = render("prod-ingress").ofKind("Ingress")
                .flatMap(i -> i.at("/spec/rules").findValues("path").stream())
                .map(JsonNode::asText).toList();
        assertThat(httpRoutePrefixes).containsAll(expected.routes().keySet());
        assertThat(ingressPrefixes).containsAll(expected.routes().keySet());
    }

    @Test
    void everyEventTopicAndDeadLetterTopicIsAKafkaTopic() throws Exception {
        List<String> topics = render("prod").ofKind("KafkaTopic").map(t -> t.at("/spec/topicName").asText()).toList();
        assertThat(topics).contains("inventory.stock", "production.runs", "production.process", "printer.status",
                "printer.jobs", "orders.events", "facility.events",
                "dlq.order-sync-service.printer.jobs", "dlq.order-sync-service.inventory.stock",
                "dlq.order-sync-service.production.runs", "dlq.production-service.printer.jobs",
                "dlq.inventory-service.orders.events", "dlq.printer-service.inventory.stock",
                "dlq.printer-service.production.runs");
        assertThat(topics).containsAll(Expectations.fromRepository(Repository.root()).topics().keySet());
    }

    private static Manifests render(String overlay) throws Kustomize.RenderFailure {
        Path dir = Repository.k8s().resolve("overlays").resolve(overlay);
        return Manifests.parse(Kustomize.render(dir));
    }
}

package app.nozzly.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the check catches what it claims to: each test breaks one thing in a private copy of k8s/
 * and the validation of the overlay must fail, naming the object and the cause.
 */
class BrokenManifestTest {

    static OverlayValidator validator;

    @TempDir
    Path copy;

    @BeforeAll
    static void validator() {
        validator = Repository.validator();
    }

    @BeforeEach
    void copyK8s() {
        Repository.copyOfK8s(copy);
    }

    @Test
    void untouchedCopyPasses() {
        Report report = validate("prod");
        assertThat(report.problems()).as(report.toString()).isEmpty();
    }

    @Test
    void fieldOfTheWrongTypeFailsKubernetesSchema() throws IOException {
        replace("base/services/production-service/deployment.yaml", "containerPort: 8081", "containerPort: eighty-eighty-one");

        assertThat(validate("dev").problems()).anySatisfy(p -> assertThat(p)
                .startsWith("schema: Deployment nozzly/production-service")
                .contains("containerPort must be integer"));
    }

    @Test
    void invalidStrimziTopicFailsStrimziSchema() throws IOException {
        replace("base/data/topics.yaml", "partitions: 6", "partitions: six");

        assertThat(validate("prod").problems()).anySatisfy(p -> assertThat(p)
                .startsWith("schema: KafkaTopic nozzly/")
                .contains("partitions must be integer"));
    }

    @Test
    void invalidCloudNativePgClusterFailsCnpgSchema() throws IOException {
        replace("base/data/postgres.yaml", "instances: 3", "instances: three");

        assertThat(validate("prod").problems()).anySatisfy(p -> assertThat(p)
                .startsWith("schema: Cluster nozzly/nozzly-pg")
                .contains("instances must be integer"));
    }

    @Test
    void invalidHttpRouteFailsGatewayApiSchema() throws IOException {
        replace("components/gateway-api/httproutes.yaml", "type: PathPrefix\n            value: /ws", "type: Prefix\n            value: /ws");

        assertThat(validate("dev").problems()).anySatisfy(p -> assertThat(p)
                .startsWith("schema: HTTPRoute nozzly/printer-service")
                .contains("must be equal to one of the allowed values"));
    }

    @Test
    void misIndentedNetworkPolicyRuleIsAnUnknownFieldAndFails() throws IOException {
        // the callers' rule indented one level too deep: it becomes an item of the gateway rule's ports
        Path policy = copy.resolve("base/services/inventory-service/networkpolicy.yaml");
        String text = Files.readString(policy);
        int rule = text.indexOf("    # synchronous stock calls");
        assertThat(rule).isPositive();
        Files.writeString(policy, text.substring(0, rule) + text.substring(rule).replaceAll("(?m)^", "    ").stripTrailing() + "\n");

        assertThat(validate("dev").problems())
                .contains("schema: NetworkPolicy inventory-service-ingress: unknown field /spec/ingress/0/ports/1/from");
    }

    @Test
    void misspeltFieldIsUnknownAndFails() throws IOException {
        replace("base/services/order-sync-service/deployment.yaml", "terminationGracePeriodSeconds: 35", "terminationGracePeriodSecond: 35");

        assertThat(validate("dev").problems())
                .contains("schema: Deployment order-sync-service: unknown field /spec/template/spec/terminationGracePeriodSecond");
    }

    @Test
    void misspelledKindHasNoSchemaAndFails() throws IOException {
        replace("base/data/kafka.yaml", "kind: KafkaNodePool", "kind: KafkaNodepool");

        assertThat(validate("dev").problems()).anySatisfy(p -> assertThat(p)
                .contains("KafkaNodepool")
                .contains("no schema known"));
    }

    @Test
    void overlayThatDoesNotRenderFails() throws IOException {
        replace("overlays/prod/kustomization.yaml", "  - pdb.yaml\n", "  - pdbs.yaml\n");

        Report report = validate("prod");
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("render:").contains("pdbs.yaml"));
    }

    @Test
    void serviceWithoutReadinessProbeFails() throws IOException {
        remove("base/services/inventory-service/deployment.yaml",
                "(?s)          readinessProbe:\n.*?failureThreshold: 3\n");

        assertThat(validate("dev").problems())
                .contains("Deployment inventory-service: readinessProbe must be an HTTP GET of /q/health/ready");
    }

    @Test
    void containerPortOtherThanTheServicesHttpPortFails() throws IOException {
        replace("base/services/facility-sim-service/deployment.yaml", "containerPort: 8085", "containerPort: 8080");

        assertThat(validate("dev").problems())
                .contains("Deployment facility-sim-service: must expose port http = 8085 (quarkus.http.port of facility-sim-service)");
    }

    @Test
    void settingAServiceCannotStartWithoutFails() throws IOException {
        remove("base/kustomization.yaml", "      - ETSY_REDIRECT_URI=https://nozzly.example.com/api/auth/callback\n");

        assertThat(validate("dev").problems()).contains(
                "Deployment order-sync-service: does not set ETSY_REDIRECT_URI, which order-sync-service's application.properties requires");
    }

    @Test
    void serviceWritingItsRootFilesystemFails() throws IOException {
        replace("base/services/printer-service/deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false");

        assertThat(validate("dev").problems())
                .contains("Deployment printer-service: must have a read-only root filesystem (readOnlyRootFilesystem: true)");
    }

    @Test
    void volumeClaimThatNoOneCreatesFails() throws IOException {
        replace("overlays/prod/kustomization.yaml", "  - printer-files.yaml\n", "");

        assertThat(validate("prod").problems())
                .contains("Deployment printer-service: mounts PersistentVolumeClaim printer-service-files that the overlay does not create");
    }

    @Test
    void prodServiceWithoutAutoscalerOrDisruptionBudgetFails() throws IOException {
        remove("overlays/prod/hpa.yaml", "(?s)apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: printer-service\n.*?(---\n|$)");
        remove("overlays/prod/pdb.yaml", "(?s)apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: order-sync-service\n.*?(---\n|$)");

        assertThat(validate("prod").problems()).contains(
                "Deployment printer-service: has no HorizontalPodAutoscaler",
                "Deployment order-sync-service: has no PodDisruptionBudget");
    }

    @Test
    void missingWebSocketRouteFails() throws IOException {
        remove("components/gateway-api/httproutes.yaml", "        - path:\n            type: PathPrefix\n            value: /ws\n");

        assertThat(validate("dev").problems()).contains("HTTPRoutes: no PathPrefix /ws routed to printer-service:80");
    }

    @Test
    void missingIngressPathFails() throws IOException {
        remove("components/ingress/ingress.yaml", "(?s)          - path: /api/facility/\n.*?name: http\n");

        assertThat(validate("prod-ingress").problems()).contains("Ingress: no Prefix path /api/facility/ routed to facility-sim-service");
    }

    @Test
    void missingDeadLetterTopicFails() throws IOException {
        remove("base/data/topics.yaml", "(?s)apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: dlq.printer-service.inventory.stock\n.*?(---\n|$)");

        assertThat(validate("dev").problems()).contains(
                "KafkaTopic dlq.printer-service.inventory.stock: is missing (dead letters of printer-service consuming inventory.stock)");
    }

    @Test
    void topicWithMoreReplicasThanBrokersFails() throws IOException {
        replace("overlays/dev/kustomization.yaml", "        path: /spec/replicas\n        value: 1\n      - op: replace\n        path: /spec/config/min.insync.replicas",
                "        path: /spec/replicas\n        value: 3\n      - op: replace\n        path: /spec/config/min.insync.replicas");

        assertThat(validate("dev").problems())
                .anySatisfy(p -> assertThat(p).startsWith("KafkaTopic orders.events: replicas 3 but the cluster has 1 broker(s)"));
    }

    @Test
    void overlayObjectsOutsideThePlatformNamespaceFail() throws IOException {
        replace("overlays/prod/kustomization.yaml", "namespace: nozzly\n", "");

        assertThat(validate("prod").problems())
                .contains("HorizontalPodAutoscaler inventory-service: is not in namespace nozzly (metadata.namespace '')");
    }

    @Test
    void serviceOpenToEveryoneFails() throws IOException {
        replace("base/services/facility-sim-service/networkpolicy.yaml", "  ingress:\n    - from:\n", "  ingress:\n    - {}\n    - from:\n");

        assertThat(validate("dev").problems())
                .contains("NetworkPolicy facility-sim-service-ingress: admits traffic from anywhere to [facility-sim-service]");
    }

    @Test
    void serviceReachableByAServiceThatDoesNotCallItFails() throws IOException {
        replace("base/services/inventory-service/networkpolicy.yaml", "              app.kubernetes.io/name: order-sync-service\n",
                "              app.kubernetes.io/name: printer-service\n");
        replace("base/network/service-egress.yaml", "          - order-sync-service\n", "          - facility-sim-service\n");

        assertThat(validate("dev").problems()).contains(
                "NetworkPolicy inventory-service-ingress: admits printer-service to inventory-service, which it does not call",
                "NetworkPolicy nozzly-callers-to-inventory: lets facility-sim-service reach inventory-service, which it does not call");
    }

    @Test
    void callThatTheCalleeDoesNotAdmitFails() throws IOException {
        remove("base/services/inventory-service/networkpolicy.yaml", "(?s)    # synchronous stock calls.*$");

        assertThat(validate("dev").problems()).contains(
                "NetworkPolicies: inventory-service does not admit production-service, which calls it",
                "NetworkPolicies: inventory-service does not admit order-sync-service, which calls it");
    }

    @Test
    void committedSecretValueFails() throws IOException {
        Files.writeString(copy.resolve("base/leaked-secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: nozzly-db-production
                stringData:
                  username: production
                  password: hunter2
                """);
        replace("base/kustomization.yaml", "  - namespace.yaml\n", "  - namespace.yaml\n  - leaked-secret.yaml\n");

        assertThat(validate("dev").problems())
                .contains("Secret nozzly-db-production: carries values; Secrets are created by the operator, never committed");
    }

    private Report validate(String overlay) {
        return validator.validate(copy.resolve("overlays").resolve(overlay));
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = copy.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as("the breakage must apply to " + file).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private void remove(String file, String regex) throws IOException {
        Path path = copy.resolve(file);
        String text = Files.readString(path);
        String changed = Pattern.compile(regex).matcher(text).replaceFirst("");
        assertThat(changed).as("the breakage must apply to " + file).isNotEqualTo(text);
        Files.writeString(path, changed);
    }
}

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
        // the rule's ports indented one level too deep: they become a field of the last peer, and the rule opens every port
        Path policy = copy.resolve("components/gateway-api/services-from-gateway.yaml");
        String text = Files.readString(policy);
        int ports = text.indexOf("      ports:");
        assertThat(ports).isPositive();
        Files.writeString(policy, text.substring(0, ports) + text.substring(ports).replaceAll("(?m)^", "    ").stripTrailing() + "\n");

        assertThat(validate("dev").problems()).contains(
                "schema: NetworkPolicy nozzly-services-from-gateway: unknown field /spec/ingress/0/from/1/ports",
                "NetworkPolicy nozzly-services-from-gateway: admits the gateway to every port of [facility-sim-service, "
                        + "inventory-service, order-sync-service, printer-service, production-service]; only their HTTP port");
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
    void metricsAnnotationsOtherThanTheServicesPortAndPathFail() throws IOException {
        replace("base/services/printer-service/deployment.yaml", "prometheus.io/port: \"8083\"", "prometheus.io/port: \"8080\"");
        replace("base/services/printer-service/deployment.yaml", "prometheus.io/path: /q/metrics", "prometheus.io/path: /metrics");

        assertThat(validate("dev").problems()).contains("Deployment printer-service: prometheus.io/port 8080 is not quarkus.http.port 8083",
                "Deployment printer-service: prometheus.io/path /metrics is not where printer-service serves its metrics (/q/metrics)");
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
    void topicThatNeitherExpiresNorCompactsFails() throws IOException {
        replace("base/data/topics.yaml", "    cleanup.policy: compact\n", "    cleanup.policy: delete\n");

        assertThat(validate("dev").problems()).contains("KafkaTopic inventory.catalog: has no retention (config retention.ms)");
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
        replace("base/services/order-sync-service/networkpolicy.yaml", "  ingress:\n", "  ingress:\n    - {}\n");

        assertThat(validate("dev").problems())
                .contains("NetworkPolicy order-sync-service-ingress: admits traffic from anywhere to [order-sync-service]");
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

    @Test
    void routeWithoutTimeoutFails() throws IOException {
        remove("components/gateway-api/httproutes.yaml", "      timeouts:\n        request: 30s\n");

        assertThat(validate("dev").problems()).contains("HTTPRoute production-service rule api: has no timeouts.request: "
                + "a stuck service would hold the client (and a pooled connection) forever");
    }

    @Test
    void routeWithoutASecurityHeaderFails() throws IOException {
        remove("components/gateway-api/route-policy.yaml", "              - name: X-Frame-Options\n                value: DENY\n");

        assertThat(validate("dev").problems())
                .contains("HTTPRoute facility-sim-service rule api: does not set the security header X-Frame-Options: DENY")
                .contains("HTTPRoute printer-service rule ws: does not set the security header X-Frame-Options: DENY");
    }

    @Test
    void routeServedOverTlsWithoutHstsFails() throws IOException {
        remove("components/gateway-api-tls/kustomization.yaml", "(?s)replacements:.*$");

        assertThat(validate("prod").problems())
                .contains("HTTPRoute inventory-service rule api: is served over TLS without Strict-Transport-Security (max-age)");
        assertThat(validate("dev").problems()).isEmpty();
    }

    @Test
    void routePassingAClientsForwardedHostFails() throws IOException {
        remove("components/gateway-api/route-policy.yaml", "              - X-Forwarded-Host\n");

        assertThat(validate("dev").problems()).contains(
                "HTTPRoute order-sync-service rule api: passes a client's X-Forwarded-Host on to the service (RequestHeaderModifier remove)");
    }

    @Test
    void corsWithCredentialsFails() throws IOException {
        replace("components/gateway-api/route-policy.yaml", "allowCredentials: false", "allowCredentials: true");

        assertThat(validate("dev").problems()).contains(
                "HTTPRoute inventory-service rule api: CORS allows credentials; the platform's clients send bearer tokens, never cookies");
    }

    @Test
    void routeToAServicesQEndpointsOrOutsideTheRouteMapFails() throws IOException {
        replace("components/gateway-api/httproutes.yaml", "            value: /spoolman/\n",
                "            value: /spoolman/\n        - path:\n            type: PathPrefix\n            value: /q/\n"
                        + "        - path:\n            type: PathPrefix\n            value: /api/v1/orders\n");

        assertThat(validate("dev").problems()).contains(
                "HTTPRoute inventory-service rule api: routes /q/ to inventory-service, which exposes its /q/ endpoints publicly",
                "HTTPRoute inventory-service rule api: routes /api/v1/orders to inventory-service, which is not in the route map of README.md");
    }

    @Test
    void catchAllRouteFails() throws IOException {
        replace("components/gateway-api/httproutes.yaml", "            value: /api/facility/\n", "            value: /\n");

        assertThat(validate("dev").problems()).contains(
                "HTTPRoute facility-sim-service rule api: routes / to facility-sim-service, which exposes its /q/ endpoints publicly");
    }

    @Test
    void webSocketUnderTheApiTimeoutFails() throws IOException {
        replace("components/gateway-api/httproutes.yaml", "request: 300s", "request: 30s");

        assertThat(validate("dev").problems()).contains("HTTPRoutes: the rule of WebSocket /api/v1/production/ws closes it within 30s; "
                + "an idle tunnel stays open 5 min");
    }

    @Test
    void serviceWithoutTrustedProxiesFails() throws IOException {
        remove("base/kustomization.yaml", "      - PLATFORM_HTTP_TRUSTED_PROXIES=[^\n]*\n");

        assertThat(validate("dev").problems()).contains("Deployment inventory-service: does not set PLATFORM_HTTP_TRUSTED_PROXIES "
                + "(the gateway's addresses): the service would take the gateway for the client");
    }

    @Test
    void trustedProxiesOfEveryoneOrOfNoOneFail() throws IOException {
        replace("base/kustomization.yaml", "PLATFORM_HTTP_TRUSTED_PROXIES=10.0.0.0/8,", "PLATFORM_HTTP_TRUSTED_PROXIES=0.0.0.0/0,");
        assertThat(validate("dev").problems()).contains("Deployment printer-service: PLATFORM_HTTP_TRUSTED_PROXIES entry '0.0.0.0/0' "
                + "trusts every address: any client could forge its address");

        replace("base/kustomization.yaml", "PLATFORM_HTTP_TRUSTED_PROXIES=0.0.0.0/0,172.16.0.0/12,192.168.0.0/16",
                "PLATFORM_HTTP_TRUSTED_PROXIES=127.0.0.1");
        assertThat(validate("dev").problems()).contains(
                "Deployment printer-service: PLATFORM_HTTP_TRUSTED_PROXIES '127.0.0.1' trusts only the pod itself, never the gateway");
    }

    @Test
    void wholeGatewayNamespaceAdmittedFails() throws IOException {
        remove("components/gateway-api/services-from-gateway.yaml",
                "          podSelector:\n            matchLabels:\n              nozzly.app/gateway-proxy: nozzly\n");

        assertThat(validate("dev").problems()).anySatisfy(p -> assertThat(p)
                .startsWith("NetworkPolicy nozzly-services-from-gateway: admits {\"namespaceSelector\"")
                .endsWith("only the gateway and calling services may"));
    }

    @Test
    void gatewayWhoseProxiesCarryNoLabelFails() throws IOException {
        remove("components/gateway-api/gateway.yaml", "  infrastructure:\n    labels:\n      nozzly.app/gateway-proxy: nozzly\n");

        assertThat(validate("dev").problems()).contains("Gateway nozzly: must label its proxies nozzly.app/gateway-proxy=nozzly "
                + "(spec.infrastructure.labels) so that the services admit them");
    }

    @Test
    void ingressWithoutReadTimeoutOrSecurityHeaderFails() throws IOException {
        remove("components/ingress/ingress.yaml", "    nginx.ingress.kubernetes.io/proxy-read-timeout: \"30\"\n");
        remove("components/ingress/security-headers.yaml", "  X-Content-Type-Options: nosniff\n");

        assertThat(validate("prod-ingress").problems()).contains(
                "Ingress nozzly: has no nginx.ingress.kubernetes.io/proxy-read-timeout (seconds): a stuck service would hold the client",
                "ConfigMap nozzly-security-headers: does not set the security header X-Content-Type-Options: nosniff");
    }

    @Test
    void ingressLeavingCorsCredentialsToTheDefaultFails() throws IOException {
        remove("components/ingress/ingress.yaml", "    nginx.ingress.kubernetes.io/cors-allow-credentials: \"false\"\n");

        assertThat(validate("prod-ingress").problems()).contains(
                "Ingress nozzly: CORS allows credentials; the platform's clients send bearer tokens, never cookies");
    }

    @Test
    void ingressClosingIdleWebSocketsEarlyFails() throws IOException {
        replace("components/ingress/ingress.yaml", "proxy-read-timeout: \"300\"", "proxy-read-timeout: \"60\"");

        assertThat(validate("prod-ingress").problems()).contains("Ingress nozzly-websocket: closes the WebSocket /ws after 60 s idle "
                + "(nginx.ingress.kubernetes.io/proxy-read-timeout); an idle tunnel stays open 300 s");
    }

    @Test
    void ingressControllerNotAdmittedFails() throws IOException {
        replace("components/ingress/services-from-ingress.yaml", "app.kubernetes.io/name: ingress-nginx", "app.kubernetes.io/name: traefik");

        assertThat(validate("prod-ingress").problems())
                .contains("NetworkPolicies: printer-service does not admit the ingress-nginx controller to its HTTP port");
    }

    @Test
    void envoyGatewayPoliciesMustTargetTheGatewayAndReplaceForwardedFor() throws IOException {
        Path overlay = Files.createDirectories(copy.resolve("overlays/prod-envoy"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../prod
                components:
                  - ../../components/envoy-gateway
                """);
        assertThat(validate("prod-envoy").problems()).isEmpty();

        replace("components/envoy-gateway/backend-traffic-policy.yaml", "      name: nozzly\n", "      name: eg\n");
        remove("components/envoy-gateway/client-traffic-policy.yaml", "        - X-Forwarded-For\n");

        assertThat(validate("prod-envoy").problems()).contains(
                "BackendTrafficPolicy nozzly: targets {\"group\":\"gateway.networking.k8s.io\",\"kind\":\"Gateway\",\"name\":\"eg\"}, "
                        + "not a Gateway of the overlay: it would do nothing",
                "ClientTrafficPolicy nozzly: keeps a client's X-Forwarded-For (headers.earlyRequestHeaders.remove): Envoy would append to it");
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

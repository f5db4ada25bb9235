package app.nozzly.k8s.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's own rules for a rendered overlay (ARCHITECTURE.md, section Kubernetes):
 * what a schema cannot say, such as "every service has probes on /q/health" or "every topic exists".
 * Each problem names the object and what is wrong with it.
 */
public final class PlatformRules {

    /** Quarkus' graceful shutdown (quarkus.shutdown.timeout in platform-commons): pods must get longer. */
    static final int SHUTDOWN_TIMEOUT_SECONDS = 20;

    /** Settings every service needs, as environment variables or ConfigMap keys. */
    static final List<String> REQUIRED_SETTINGS = List.of("PLATFORM_DB_HOST", "PLATFORM_DB_NAME", "PLATFORM_DB_USER",
            "PLATFORM_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "GatewayClass", "IngressClass", "PriorityClass", "StorageClass", "CustomResourceDefinition");

    /**
     * platform.http.trusted-proxies: the peers whose forwarded headers a service believes. Unset, a service
     * keeps the local stack's 127.0.0.1 and rate-limits every client as the gateway.
     */
    static final String TRUSTED_PROXIES = "PLATFORM_HTTP_TRUSTED_PROXIES";

    private final Manifests manifests;
    private final Expectations expectations;
    private final Profile profile;
    private final List<String> problems = new ArrayList<>();

    private PlatformRules(Manifests manifests, Expectations expectations, Profile profile) {
        this.manifests = manifests;
        this.expectations = expectations;
        this.profile = profile;
    }

    public static List<String> check(Manifests manifests, Expectations expectations, Profile profile) {
        PlatformRules rules = new PlatformRules(manifests, expectations, profile);
        rules.checkNoSecretValues();
        rules.checkNamespaces();
        List<JsonNode> services = manifests.ofKind("Deployment")
                .filter(d -> "api".equals(d.path("metadata").path("labels").path("app.kubernetes.io/component").asText()))
                .toList();
        if (services.isEmpty()) {
            rules.problem("overlay", "renders no service Deployment (label app.kubernetes.io/component=api)");
        }
        for (String service : new HashSet<>(expectations.routes().values())) {
            if (services.stream().noneMatch(d -> service.equals(Manifests.name(d)))) {
                rules.problem("Deployment " + service, "is missing: the route map sends traffic to it");
            }
        }
        services.forEach(rules::checkService);
        rules.checkDefaultDeny(services);
        rules.checkServiceTraffic(services);
        rules.checkDeclaredCallsAreOpen(services);
        rules.problems.addAll(GatewayRules.check(manifests, expectations));
        rules.checkKafka();
        rules.checkTopics();
        return List.copyOf(rules.problems);
    }

    private void problem(String object, String message) {
        problems.add(object + ": " + message);
    }

    /** Everything lands in the platform's namespace: a route or budget elsewhere silently does nothing. */
    private void checkNamespaces() {
        Set<String> namespaces = new HashSet<>();
        manifests.ofKind("Namespace").forEach(n -> namespaces.add(Manifests.name(n)));
        if (namespaces.size() != 1) {
            problem("overlay", "must create exactly one Namespace, found " + namespaces);
            return;
        }
        String namespace = namespaces.iterator().next();
        manifests.all()
                .filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                .filter(o -> !namespace.equals(o.path("metadata").path("namespace").asText()))
                .forEach(o -> problem(Manifests.describe(o), "is not in namespace " + namespace + " (metadata.namespace '"
                        + o.path("metadata").path("namespace").asText() + "')"));
    }

    private void checkNoSecretValues() {
        manifests.ofKind("Secret")
                .filter(s -> s.has("data") || s.has("stringData"))
                .forEach(s -> problem(Manifests.describe(s), "carries values; Secrets are created by the operator, never committed"));
    }

    private void checkService(JsonNode deployment) {
        String name = Manifests.describe(deployment);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode containers = pod.path("containers");
        if (containers.size() == 0) {
            problem(name, "has no container");
            return;
        }
        JsonNode container = containers.get(0);
        ServiceConfig config = expectations.service(Manifests.name(deployment), httpPort(container));
        checkProbes(name, config, container);
        checkResources(name, container);
        checkSecurity(name, pod, container);
        checkShutdown(name, pod, container);
        checkServiceAccount(name, pod);
        checkImage(name, container);
        checkVolumes(name, pod, container);
        Map<String, JsonNode> settings = settings(name, container);
        for (String setting : REQUIRED_SETTINGS) {
            if (!settings.containsKey(setting)) {
                problem(name, "does not set " + setting + " (env or a referenced ConfigMap)");
            }
        }
        if (expectations.services().containsKey(Manifests.name(deployment))) {
            checkServiceConfig(name, config, deployment, container, settings);
        }
        checkTrustedProxies(name, settings.get(TRUSTED_PROXIES));
        JsonNode password = settings.get("PLATFORM_DB_PASSWORD");
        if (password != null && !password.path("valueFrom").has("secretKeyRef")) {
            problem(name, "PLATFORM_DB_PASSWORD must come from a Secret (secretKeyRef), not a literal");
        }
        checkDatabase(name, settings.get("PLATFORM_DB_NAME"), settings.get("PLATFORM_DB_USER"));
        checkKafkaBootstrap(name, settings.get("KAFKA_BOOTSTRAP_SERVERS"));
        checkServiceObject(deployment, podLabels, container);
        checkIngressPolicy(deployment, podLabels);
        if (profile == Profile.PRODUCTION) {
            checkProductionScaling(deployment, podLabels);
        } else {
            int replicas = deployment.path("spec").path("replicas").asInt(1);
            if (replicas != 1) {
                problem(name, "runs " + replicas + " replicas; a development overlay runs one of each");
            }
        }
    }

    /** The Deployment serves what the service's application.properties says it listens on, serves and needs. */
    private void checkServiceConfig(String name, ServiceConfig config, JsonNode deployment, JsonNode container,
            Map<String, JsonNode> settings) {
        boolean listens = false;
        for (JsonNode port : container.path("ports")) {
            listens |= "http".equals(port.path("name").asText()) && port.path("containerPort").asInt() == config.httpPort();
        }
        if (!listens) {
            problem(name, "must expose port http = " + config.httpPort() + " (quarkus.http.port of " + config.name() + ")");
        }
        JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
        if (annotations.has("prometheus.io/port") && !Integer.toString(config.httpPort()).equals(annotations.path("prometheus.io/port").asText())) {
            problem(name, "prometheus.io/port " + annotations.path("prometheus.io/port").asText() + " is not quarkus.http.port " + config.httpPort());
        }
        if (annotations.has("prometheus.io/path") && !config.metricsPath().equals(annotations.path("prometheus.io/path").asText())) {
            problem(name, "prometheus.io/path " + annotations.path("prometheus.io/path").asText() + " is not where " + config.name()
                    + " serves its metrics (" + config.metricsPath() + ")");
        }
        for (String required : config.requiredSettings()) {
            if (!settings.containsKey(required)) {
                problem(name, "does not set " + required + ", which " + config.name() + "'s application.properties requires");
            }
        }
    }

    /** The probes ask the health checks where the service's application.properties puts them. */
    private void checkProbes(String name, ServiceConfig config, JsonNode container) {
        Set<String> ports = new HashSet<>();
        for (JsonNode port : container.path("ports")) {
            ports.add(port.path("name").asText());
            ports.add(port.path("containerPort").asText());
        }
        config.healthPaths().forEach((probe, path) -> {
            JsonNode httpGet = container.path(probe).path("httpGet");
            if (!path.equals(httpGet.path("path").asText())) {
                problem(name, probe + " must be an HTTP GET of " + path);
            } else if (!ports.contains(httpGet.path("port").asText())) {
                problem(name, probe + " targets port " + httpGet.path("port").asText() + " that the container does not declare");
            }
        });
    }

    /**
     * The service believes X-Forwarded-* only from the gateway: the setting lists IPs, CIDRs or host names,
     * none of which covers every address, and not only the loopback of the local stack.
     */
    private void checkTrustedProxies(String name, JsonNode setting) {
        if (setting == null) {
            problem(name, "does not set " + TRUSTED_PROXIES + " (the gateway's addresses): the service would take the gateway for the client");
            return;
        }
        if (!setting.isValueNode() && !setting.has("value")) {
            return;
        }
        List<String> entries = List.of(literal(setting).strip().split("\\s*,\\s*"));
        boolean loopbackOnly = true;
        for (String entry : entries) {
            Optional<Integer> prefix = TrustedProxy.prefixLength(entry);
            if (prefix.isEmpty()) {
                problem(name, TRUSTED_PROXIES + " entry '" + entry + "' is neither an IP address, a CIDR nor a host name");
            } else if (prefix.get() == 0) {
                problem(name, TRUSTED_PROXIES + " entry '" + entry + "' trusts every address: any client could forge its address");
            }
            loopbackOnly &= TrustedProxy.isLoopback(entry);
        }
        if (loopbackOnly) {
            problem(name, TRUSTED_PROXIES + " '" + literal(setting) + "' trusts only the pod itself, never the gateway");
        }
    }

    private static int httpPort(JsonNode container) {
        for (JsonNode port : container.path("ports")) {
            if ("http".equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return container.path("ports").path(0).path("containerPort").asInt();
    }

    private void checkResources(String name, JsonNode container) {
        JsonNode resources = container.path("resources");
        for (String field : List.of("requests/cpu", "requests/memory", "limits/memory")) {
            if (resources.at("/" + field).asText().isEmpty()) {
                problem(name, "has no resources." + field.replace('/', '.'));
            }
        }
    }

    private void checkSecurity(String name, JsonNode pod, JsonNode container) {
        JsonNode podSecurity = pod.path("securityContext");
        JsonNode security = container.path("securityContext");
        if (!security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
            problem(name, "must run as non-root (securityContext.runAsNonRoot: true)");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            problem(name, "must have a read-only root filesystem (readOnlyRootFilesystem: true)");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            problem(name, "must set allowPrivilegeEscalation: false");
        }
        boolean dropsAll = false;
        for (JsonNode capability : security.path("capabilities").path("drop")) {
            dropsAll |= "ALL".equals(capability.asText());
        }
        if (!dropsAll) {
            problem(name, "must drop ALL capabilities");
        }
    }

    private void checkShutdown(String name, JsonNode pod, JsonNode container) {
        int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
        if (grace <= SHUTDOWN_TIMEOUT_SECONDS) {
            problem(name, "terminationGracePeriodSeconds " + grace + " does not exceed Quarkus' " + SHUTDOWN_TIMEOUT_SECONDS
                    + " s graceful shutdown");
        }
        if (container.path("lifecycle").path("preStop").isMissingNode()) {
            problem(name, "has no preStop hook: traffic would still arrive while it shuts down");
        }
    }

    private void checkServiceAccount(String name, JsonNode pod) {
        String account = pod.path("serviceAccountName").asText();
        if (account.isEmpty() || "default".equals(account)) {
            problem(name, "must run under its own ServiceAccount");
            return;
        }
        Optional<JsonNode> serviceAccount = manifests.named("ServiceAccount", account);
        if (serviceAccount.isEmpty()) {
            problem(name, "uses ServiceAccount " + account + " that the overlay does not create");
        }
        boolean automount = pod.path("automountServiceAccountToken")
                .asBoolean(serviceAccount.map(sa -> sa.path("automountServiceAccountToken").asBoolean(true)).orElse(true));
        if (automount) {
            problem(name, "mounts a Kubernetes API token it never uses (automountServiceAccountToken: false)");
        }
        for (String binding : List.of("RoleBinding", "ClusterRoleBinding")) {
            manifests.ofKind(binding).forEach(b -> {
                for (JsonNode subject : b.path("subjects")) {
                    if ("ServiceAccount".equals(subject.path("kind").asText()) && account.equals(subject.path("name").asText())) {
                        problem(Manifests.describe(b), "grants API rights to " + account + ", which needs none");
                    }
                }
            });
        }
    }

    private void checkVolumes(String name, JsonNode pod, JsonNode container) {
        Set<String> volumes = new HashSet<>();
        for (JsonNode volume : pod.path("volumes")) {
            if (!volumes.add(volume.path("name").asText())) {
                problem(name, "defines volume " + volume.path("name").asText() + " twice");
            }
            String claim = volume.path("persistentVolumeClaim").path("claimName").asText();
            if (!claim.isEmpty() && manifests.named("PersistentVolumeClaim", claim).isEmpty()) {
                problem(name, "mounts PersistentVolumeClaim " + claim + " that the overlay does not create");
            }
        }
        for (JsonNode mount : container.path("volumeMounts")) {
            if (!volumes.contains(mount.path("name").asText())) {
                problem(name, "mounts volume " + mount.path("name").asText() + " that the pod does not define");
            }
        }
    }

    private void checkImage(String name, JsonNode container) {
        String image = container.path("image").asText();
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        if (!lastSegment.contains(":") && !image.contains("@")) {
            problem(name, "image " + image + " has no tag");
        } else if (lastSegment.endsWith(":latest")) {
            problem(name, "image " + image + " uses the moving tag latest");
        }
    }

    /** The container's settings: its env entries and the keys of the ConfigMaps it imports. */
    private Map<String, JsonNode> settings(String name, JsonNode container) {
        Map<String, JsonNode> settings = new TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            JsonNode ref = source.path("configMapRef");
            if (ref.isMissingNode()) {
                continue;
            }
            Optional<JsonNode> configMap = manifests.named("ConfigMap", ref.path("name").asText());
            if (configMap.isEmpty()) {
                if (!ref.path("optional").asBoolean(false)) {
                    problem(name, "imports ConfigMap " + ref.path("name").asText() + " that the overlay does not create");
                }
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : configMap.get().path("data").properties()) {
                settings.put(entry.getKey(), entry.getValue());
            }
        }
        for (JsonNode env : container.path("env")) {
            settings.put(env.path("name").asText(), env);
        }
        return settings;
    }

    private static String literal(JsonNode setting) {
        if (setting == null) {
            return "";
        }
        return setting.isValueNode() ? setting.asText() : setting.path("value").asText();
    }

    private void checkDatabase(String name, JsonNode databaseSetting, JsonNode userSetting) {
        String database = literal(databaseSetting);
        if (database.isEmpty()) {
            return;
        }
        Optional<JsonNode> db = manifests.ofKind("Database")
                .filter(d -> database.equals(d.path("spec").path("name").asText()))
                .findFirst();
        if (db.isEmpty()) {
            problem(name, "uses database " + database + " but no CloudNativePG Database creates it");
            return;
        }
        String owner = db.get().path("spec").path("owner").asText();
        String clusterName = db.get().path("spec").path("cluster").path("name").asText();
        Optional<JsonNode> cluster = manifests.named("Cluster", clusterName);
        if (cluster.isEmpty()) {
            problem(Manifests.describe(db.get()), "belongs to CloudNativePG Cluster " + clusterName + " that the overlay does not create");
            return;
        }
        boolean roleManaged = false;
        String passwordSecret = "";
        for (JsonNode role : cluster.get().path("spec").path("managed").path("roles")) {
            if (owner.equals(role.path("name").asText())) {
                roleManaged = true;
                passwordSecret = role.path("passwordSecret").path("name").asText();
            }
        }
        if (!roleManaged) {
            problem(Manifests.describe(cluster.get()), "does not manage role " + owner + " that owns database " + database);
        }
        String userSecret = userSetting == null ? "" : userSetting.path("valueFrom").path("secretKeyRef").path("name").asText();
        if (roleManaged && !passwordSecret.equals(userSecret)) {
            problem(name, "reads its database user from Secret '" + userSecret + "' but role " + owner + " gets its password from '"
                    + passwordSecret + "'");
        }
        if (profile == Profile.PRODUCTION && cluster.get().path("spec").path("instances").asInt(1) < 2) {
            problem(Manifests.describe(cluster.get()), "runs a single instance; production needs a standby");
        }
    }

    private void checkKafkaBootstrap(String name, JsonNode bootstrapSetting) {
        String bootstrap = literal(bootstrapSetting);
        boolean known = manifests.ofKind("Kafka")
                .anyMatch(k -> bootstrap.startsWith(Manifests.name(k) + "-kafka-bootstrap"));
        if (!bootstrap.isEmpty() && !known) {
            problem(name, "KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not the bootstrap service of a Kafka in the overlay");
        }
    }

    private void checkServiceObject(JsonNode deployment, JsonNode podLabels, JsonNode container) {
        String serviceName = Manifests.name(deployment);
        Optional<JsonNode> service = manifests.named("Service", serviceName);
        if (service.isEmpty()) {
            problem(Manifests.describe(deployment), "has no Service named " + serviceName);
            return;
        }
        if (!Manifests.selects(service.get().path("spec").path("selector"), podLabels)) {
            problem(Manifests.describe(service.get()), "does not select the pods of " + serviceName);
        }
        Set<String> containerPorts = new HashSet<>();
        for (JsonNode port : container.path("ports")) {
            containerPorts.add(port.path("name").asText());
            containerPorts.add(port.path("containerPort").asText());
        }
        for (JsonNode port : service.get().path("spec").path("ports")) {
            String target = port.path("targetPort").asText(port.path("port").asText());
            if (!containerPorts.contains(target)) {
                problem(Manifests.describe(service.get()), "targets port " + target + " that " + serviceName + " does not declare");
            }
        }
    }

    private void checkIngressPolicy(JsonNode deployment, JsonNode podLabels) {
        boolean restricted = manifests.ofKind("NetworkPolicy").anyMatch(p -> hasPolicyType(p, "Ingress")
                && p.path("spec").path("ingress").size() > 0
                && Manifests.selects(p.path("spec").path("podSelector"), podLabels));
        if (!restricted) {
            problem(Manifests.describe(deployment), "has no NetworkPolicy saying who may reach its HTTP port");
        }
    }

    private void checkDefaultDeny(List<JsonNode> services) {
        for (JsonNode deployment : services) {
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            boolean denied = manifests.ofKind("NetworkPolicy").anyMatch(p -> hasPolicyType(p, "Ingress") && hasPolicyType(p, "Egress")
                    && p.path("spec").path("ingress").size() == 0 && p.path("spec").path("egress").size() == 0
                    && Manifests.selects(p.path("spec").path("podSelector"), podLabels));
            if (!denied) {
                problem(Manifests.describe(deployment), "is not covered by a default-deny NetworkPolicy (Ingress and Egress)");
            }
        }
    }

    /**
     * Only the gateway's proxies (or the ingress controller) reach a service's HTTP port, plus the services
     * that call it; a service reaches
     * another service only if it calls it. Anything wider (no peers, an ipBlock, another service) fails.
     */
    private void checkServiceTraffic(List<JsonNode> services) {
        manifests.ofKind("NetworkPolicy").forEach(policy -> {
            List<JsonNode> selected = services.stream()
                    .filter(d -> Manifests.selects(policy.path("spec").path("podSelector"), podLabels(d)))
                    .toList();
            if (selected.isEmpty()) {
                return;
            }
            String description = Manifests.describe(policy);
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (rule.path("from").size() == 0) {
                    problem(description, "admits traffic from anywhere to " + names(selected));
                }
                for (JsonNode peer : rule.path("from")) {
                    checkIngressPeer(description, peer, selected, services);
                }
                if (rule.path("ports").isEmpty() && Manifests.stream(rule.path("from")).anyMatch(GatewayRules::isGatewayPeer)) {
                    problem(description, "admits the gateway to every port of " + names(selected) + "; only their HTTP port");
                }
            }
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (!peer.has("podSelector") || peer.has("namespaceSelector")) {
                        continue;
                    }
                    for (JsonNode callee : services) {
                        if (!Manifests.selects(peer.path("podSelector"), podLabels(callee))) {
                            continue;
                        }
                        for (JsonNode caller : selected) {
                            if (!expectations.calls(Manifests.name(caller), Manifests.name(callee))) {
                                problem(description, "lets " + Manifests.name(caller) + " reach " + Manifests.name(callee)
                                        + ", which it does not call");
                            }
                        }
                    }
                }
            }
        });
    }

    /** Every declared REST call is let through on both ends: the callee admits it, the caller may send it. */
    private void checkDeclaredCallsAreOpen(List<JsonNode> services) {
        for (JsonNode caller : services) {
            for (JsonNode callee : services) {
                if (!expectations.calls(Manifests.name(caller), Manifests.name(callee))) {
                    continue;
                }
                if (!policyPeerAllows(callee, caller, "ingress", "from")) {
                    problem("NetworkPolicies", Manifests.name(callee) + " does not admit " + Manifests.name(caller) + ", which calls it");
                }
                if (!policyPeerAllows(caller, callee, "egress", "to")) {
                    problem("NetworkPolicies", Manifests.name(caller) + " may not reach " + Manifests.name(callee) + ", which it calls");
                }
            }
        }
    }

    /** Whether a policy selecting {@code subject} has a rule whose peer pods include {@code peer}. */
    private boolean policyPeerAllows(JsonNode subject, JsonNode peer, String direction, String peers) {
        return manifests.ofKind("NetworkPolicy")
                .filter(p -> Manifests.selects(p.path("spec").path("podSelector"), podLabels(subject)))
                .flatMap(p -> StreamSupport.stream(p.path("spec").path(direction).spliterator(), false))
                .flatMap(rule -> StreamSupport.stream(rule.path(peers).spliterator(), false))
                .anyMatch(candidate -> candidate.has("podSelector") && !candidate.has("namespaceSelector")
                        && Manifests.selects(candidate.path("podSelector"), podLabels(peer)));
    }

    private void checkIngressPeer(String description, JsonNode peer, List<JsonNode> selected, List<JsonNode> services) {
        if (GatewayRules.isGatewayPeer(peer)) {
            return;
        }
        if (!peer.has("podSelector") || peer.has("namespaceSelector") || peer.has("ipBlock")) {
            problem(description, "admits " + peer + " to " + names(selected) + "; only the gateway and calling services may");
            return;
        }
        List<JsonNode> callers = services.stream()
                .filter(caller -> Manifests.selects(peer.path("podSelector"), podLabels(caller)))
                .toList();
        if (callers.isEmpty()) {
            problem(description, "admits pods " + peer.path("podSelector") + " to " + names(selected)
                    + " that are neither the gateway nor a calling service");
        }
        for (JsonNode caller : callers) {
            for (JsonNode callee : selected) {
                if (!expectations.calls(Manifests.name(caller), Manifests.name(callee))) {
                    problem(description, "admits " + Manifests.name(caller) + " to " + Manifests.name(callee)
                            + ", which it does not call");
                }
            }
        }
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    private static List<String> names(List<JsonNode> objects) {
        return objects.stream().map(Manifests::name).toList();
    }

    private static boolean hasPolicyType(JsonNode policy, String type) {
        for (JsonNode t : policy.path("spec").path("policyTypes")) {
            if (type.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    private void checkProductionScaling(JsonNode deployment, JsonNode podLabels) {
        String name = Manifests.name(deployment);
        JsonNode replicas = deployment.path("spec").path("replicas");
        if (replicas.isNumber() && replicas.asInt() < 2) {
            problem(Manifests.describe(deployment), "runs " + replicas.asInt() + " replica(s); production runs two or more");
        }
        Optional<JsonNode> hpa = manifests.ofKind("HorizontalPodAutoscaler")
                .filter(h -> "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText())
                        && name.equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
                .findFirst();
        if (hpa.isEmpty()) {
            problem(Manifests.describe(deployment), "has no HorizontalPodAutoscaler");
        } else {
            int min = hpa.get().path("spec").path("minReplicas").asInt(1);
            int max = hpa.get().path("spec").path("maxReplicas").asInt(0);
            if (min < 2) {
                problem(Manifests.describe(hpa.get()), "minReplicas " + min + ": production keeps two or more");
            }
            if (max <= min) {
                problem(Manifests.describe(hpa.get()), "maxReplicas " + max + " leaves no room to scale above " + min);
            }
        }
        boolean budgeted = manifests.ofKind("PodDisruptionBudget")
                .anyMatch(p -> Manifests.selects(p.path("spec").path("selector"), podLabels)
                        && (p.path("spec").has("maxUnavailable") || p.path("spec").has("minAvailable")));
        if (!budgeted) {
            problem(Manifests.describe(deployment), "has no PodDisruptionBudget");
        }
    }

    private int brokers(String cluster) {
        return manifests.ofKind("KafkaNodePool")
                .filter(p -> cluster.equals(p.path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                .filter(p -> {
                    for (JsonNode role : p.path("spec").path("roles")) {
                        if ("broker".equals(role.asText())) {
                            return true;
                        }
                    }
                    return false;
                })
                .mapToInt(p -> p.path("spec").path("replicas").asInt())
                .sum();
    }

    private void checkKafka() {
        List<JsonNode> clusters = manifests.ofKind("Kafka").toList();
        if (clusters.isEmpty()) {
            problem("overlay", "has no Strimzi Kafka");
        }
        for (JsonNode kafka : clusters) {
            String name = Manifests.name(kafka);
            if (kafka.path("spec").has("zookeeper")) {
                problem(Manifests.describe(kafka), "configures ZooKeeper; the platform runs Kafka in KRaft mode");
            }
            boolean controllers = manifests.ofKind("KafkaNodePool")
                    .filter(p -> name.equals(p.path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                    .anyMatch(p -> p.path("spec").path("roles").toString().contains("\"controller\""));
            if (!controllers) {
                problem(Manifests.describe(kafka), "has no KafkaNodePool with the controller role (KRaft)");
            }
            int brokers = brokers(name);
            if (brokers == 0) {
                problem(Manifests.describe(kafka), "has no KafkaNodePool with the broker role");
            }
            if (profile == Profile.PRODUCTION && brokers < 3) {
                problem(Manifests.describe(kafka), brokers + " broker(s); production replicates every topic on three");
            }
            if (kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true)) {
                problem(Manifests.describe(kafka), "auto-creates topics: every topic must be a KafkaTopic with its settings");
            }
        }
    }

    private void checkTopics() {
        expectations.topics().forEach((topic, reason) -> {
            Optional<JsonNode> found = manifests.ofKind("KafkaTopic")
                    .filter(t -> topic.equals(t.path("spec").path("topicName").asText(Manifests.name(t))))
                    .findFirst();
            if (found.isEmpty()) {
                problem("KafkaTopic " + topic, "is missing (" + reason + ")");
                return;
            }
            JsonNode spec = found.get().path("spec");
            String description = Manifests.describe(found.get());
            String cluster = found.get().path("metadata").path("labels").path("strimzi.io/cluster").asText();
            if (manifests.named("Kafka", cluster).isEmpty()) {
                problem(description, "names Kafka cluster '" + cluster + "' (label strimzi.io/cluster) that the overlay does not create");
                return;
            }
            int replicas = spec.path("replicas").asInt(0);
            int brokers = brokers(cluster);
            if (replicas < 1 || replicas > brokers) {
                problem(description, "replicas " + replicas + " but the cluster has " + brokers + " broker(s)");
            }
            if (spec.path("partitions").asInt(0) < 1) {
                problem(description, "has no partition count");
            }
            // a compacted topic keeps the latest record of each key for good: what its consumers rebuild from
            boolean compacted = spec.path("config").path("cleanup.policy").asText().equals("compact");
            if (!compacted && !spec.path("config").has("retention.ms") && !spec.path("config").has("retention.bytes")) {
                problem(description, "has no retention (config retention.ms)");
            }
            int minInSync = spec.path("config").path("min.insync.replicas").asInt(1);
            if (minInSync > replicas) {
                problem(description, "min.insync.replicas " + minInSync + " exceeds replicas " + replicas + ": every write would fail");
            }
            if (profile == Profile.PRODUCTION && (replicas < 3 || minInSync < 2)) {
                problem(description, "production keeps three replicas with min.insync.replicas 2 (acks=all survives one broker)");
            }
        });
    }
}

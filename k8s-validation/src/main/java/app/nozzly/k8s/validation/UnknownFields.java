package app.nozzly.k8s.validation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Finds fields that Kubernetes does not know in the built-in and Gateway API objects: the npm schemas
 * accept unknown properties, so a misspelt or mis-indented field (a NetworkPolicy rule nested under
 * {@code ports}) would pass them and be silently dropped by the API server. The fabric8 models collect
 * such fields as "additional properties"; any found is a problem.
 */
final class UnknownFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class));

    private UnknownFields() {
    }

    static List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        manifests.all().forEach(object -> {
            Class<?> model = MODELS.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
            if (model == null) {
                return;
            }
            try {
                walk(JSON.treeToValue(object, model), "", Manifests.describe(object), problems);
            } catch (JsonProcessingException e) {
                problems.add("schema: " + Manifests.describe(object) + ": " + e.getOriginalMessage());
            }
        });
        return problems;
    }

    private static void walk(Object node, String path, String object, List<String> problems) {
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "/" + i++, object, problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "/" + key, object, problems));
            return;
        }
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown) {
                    unknown.keySet().forEach(field -> problems.add("schema: " + object + ": unknown field " + path + "/" + field));
                }
            } else {
                walk(value, path + "/" + Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4),
                        object, problems);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ValidationException("cannot read " + getter + " of " + target.getClass().getName(), e);
        }
    }
}

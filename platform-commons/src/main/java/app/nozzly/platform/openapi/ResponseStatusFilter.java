package app.nozzly.platform.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * An endpoint that answers with another success status than 200 says so once, with {@code @ResponseStatus(201)}
 * (or 202, 204), and returns its typed body: the wire carries that status, and this filter moves the response
 * the document generated for 200 (its body schema included) to that status, so the document carries it too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ResponseStatusFilter implements OASFilter {

    private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> METHODS = Map.of(
            GET.class, PathItem.HttpMethod.GET, POST.class, PathItem.HttpMethod.POST, PUT.class,
            PathItem.HttpMethod.PUT, DELETE.class, PathItem.HttpMethod.DELETE, PATCH.class,
            PathItem.HttpMethod.PATCH, HEAD.class, PathItem.HttpMethod.HEAD, OPTIONS.class,
            PathItem.HttpMethod.OPTIONS);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            Path classPath = annotation(resource, null, Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                ResponseStatus status = annotation(resource, method, ResponseStatus.class);
                if (status != null && status.value() != 200) {
                    relabel(openAPI, path(classPath.value(), annotation(resource, method, Path.class)), resource,
                            method, status.value());
                }
            }
        }
    }

    /** An annotation of the class (method null) or of the method, where JAX-RS finds it: here or on an interface. */
    private static <A extends Annotation> A annotation(Class<?> type, Method method, Class<A> annotation) {
        A found = method == null ? type.getAnnotation(annotation) : method.getAnnotation(annotation);
        if (found != null) {
            return found;
        }
        for (Class<?> contract : type.getInterfaces()) {
            if (method == null) {
                found = contract.getAnnotation(annotation);
            } else {
                try {
                    found = contract.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(annotation);
                } catch (NoSuchMethodException e) {
                    found = null;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void relabel(OpenAPI openAPI, String path, Class<?> resource, Method method, int status) {
        PathItem item = openAPI.getPaths().getPathItem(path);
        if (item == null) {
            return;
        }
        for (Map.Entry<Class<? extends Annotation>, PathItem.HttpMethod> http : METHODS.entrySet()) {
            if (annotation(resource, method, http.getKey()) != null) {
                Operation operation = item.getOperations().get(http.getValue());
                APIResponses responses = operation == null ? null : operation.getResponses();
                APIResponse ok = responses == null ? null : responses.getAPIResponse("200");
                if (ok != null && responses.getAPIResponse(String.valueOf(status)) == null) {
                    responses.removeAPIResponse("200");
                    if (status == 204) {
                        ok.setContent(null);
                    }
                    responses.addAPIResponse(String.valueOf(status), ok);
                }
            }
        }
    }

    /** The document's path of a resource method: class and method paths joined, regex parts of templates dropped. */
    static String path(String classPath, Path methodPath) {
        String joined = "/" + classPath + (methodPath == null ? "" : "/" + methodPath.value());
        String collapsed = joined.replaceAll("/+", "/").replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }
}

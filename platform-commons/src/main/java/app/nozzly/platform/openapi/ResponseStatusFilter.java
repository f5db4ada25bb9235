package app.nozzly.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * An endpoint that answers with another success status than 200 says so once, with {@code @ResponseStatus(201)}
 * (or 202, 204), and returns its typed body: the wire carries that status, and this filter moves the response
 * the document generated for 200 (its body schema included) to that status, so the document carries it too.
 * Runs when the application is built, from the application's index.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ResponseStatusFilter implements OASFilter {

    private static final DotName RESPONSE_STATUS = DotName.createSimple("org.jboss.resteasy.reactive.ResponseStatus");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS");

    /** A resource method's documented operation and the status it answers with. */
    record Relabel(String path, String httpMethod, int status) {
    }

    private final List<Relabel> relabels = new ArrayList<>();

    public ResponseStatusFilter(IndexView index) {
        for (AnnotationInstance status : index.getAnnotations(RESPONSE_STATUS)) {
            if (status.target().kind() != AnnotationTarget.Kind.METHOD || status.value().asInt() == 200) {
                continue;
            }
            MethodInfo method = status.target().asMethod();
            String httpMethod = httpMethod(method);
            for (ClassInfo resource : resources(index, method.declaringClass())) {
                AnnotationInstance classPath = resource.declaredAnnotation(PATH);
                if (classPath != null && httpMethod != null) {
                    AnnotationInstance methodPath = method.annotation(PATH);
                    relabels.add(new Relabel(path(classPath.value().asString(),
                            methodPath == null ? null : methodPath.value().asString()), httpMethod,
                            status.value().asInt()));
                }
            }
        }
    }

    /** The class itself when it carries @Path, else the classes implementing it (an annotated interface). */
    private static List<ClassInfo> resources(IndexView index, ClassInfo declaring) {
        if (declaring.declaredAnnotation(PATH) != null || !declaring.isInterface()) {
            return List.of(declaring);
        }
        return List.copyOf(index.getAllKnownImplementations(declaring.name()));
    }

    private static String httpMethod(MethodInfo method) {
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            String simple = annotation.name().withoutPackagePrefix();
            if (annotation.name().packagePrefix().equals("jakarta.ws.rs") && HTTP_METHODS.contains(simple)) {
                return simple;
            }
        }
        return null;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Relabel relabel : relabels) {
            PathItem item = openAPI.getPaths().getPathItem(relabel.path());
            Operation operation = item == null ? null
                    : item.getOperations().get(PathItem.HttpMethod.valueOf(relabel.httpMethod().toUpperCase(
                            Locale.ROOT)));
            APIResponses responses = operation == null ? null : operation.getResponses();
            APIResponse ok = responses == null ? null : responses.getAPIResponse("200");
            String status = String.valueOf(relabel.status());
            if (ok != null && responses.getAPIResponse(status) == null) {
                responses.removeAPIResponse("200");
                if (relabel.status() == 204) {
                    ok.setContent(null);
                }
                responses.addAPIResponse(status, ok);
            }
        }
    }

    /** The document's path of a resource method: class and method paths joined, regex parts of templates dropped. */
    static String path(String classPath, String methodPath) {
        String joined = "/" + classPath + (methodPath == null ? "" : "/" + methodPath);
        String collapsed = joined.replaceAll("/+", "/").replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }
}

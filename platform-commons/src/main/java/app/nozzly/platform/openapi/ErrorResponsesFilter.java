package app.nozzly.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import app.nozzly.platform.errors.ErrorFamily;
import app.nozzly.platform.errors.FamilySelection;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The served OpenAPI document says what the wire carries for errors too: every operation lists the error
 * answers every API of the platform can give (400, 401, 403, 404, 409, 429, 500, 503) with the body of its
 * path's error family ({@link ErrorFamily}), one schema component per family. Runs when the application is
 * built, so the document stored with the build (and the clients generated from it) carries them too; the
 * families are every implementation in the application's index (each needs a no-argument constructor and a
 * {@code schema()} that uses no injected state), and which answers which path is the service's
 * {@code platform.errors.*} configuration.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorResponsesFilter implements OASFilter {

    private static final Map<String, String> ERRORS = new TreeMap<>(Map.of(
            "400", "invalid input: a field, a parameter or the body is wrong; the body names it",
            "401", "no valid bearer token",
            "403", "the token's roles do not allow this",
            "404", "no such resource for this tenant",
            "409", "conflicts with the current state (a duplicate, a state that does not allow it)",
            "422", "well-formed, but the rules of the domain refuse it; the body says which",
            "429", "a rate limit is spent; Retry-After says when to retry",
            "500", "internal error; the body carries a request id to quote",
            "503", "a dependency is away; Retry-After says when to retry"));

    private final Map<String, ErrorFamily> families = new LinkedHashMap<>();

    public ErrorResponsesFilter(IndexView index) {
        for (ClassInfo implementation : index.getAllKnownImplementations(DotName.createSimple(ErrorFamily.class))) {
            if (!implementation.isInterface() && !java.lang.reflect.Modifier.isAbstract(implementation.flags())) {
                ErrorFamily family = instantiate(implementation.name().toString());
                families.put(family.name(), family);
            }
        }
    }

    private static ErrorFamily instantiate(String className) {
        try {
            var constructor = Thread.currentThread().getContextClassLoader().loadClass(className)
                    .getDeclaredConstructor();
            constructor.setAccessible(true);
            return (ErrorFamily) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("error family " + className + " needs a no-argument constructor", e);
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (families.isEmpty()) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        families.forEach((name, family) -> components.addSchema(schemaName(name), family.schema()));
        if (openAPI.getPaths() == null) {
            return;
        }
        FamilySelection selection = FamilySelection.of(ConfigProvider.getConfig());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            ErrorFamily family = families.get(selection.familyOf(path.getKey()));
            if (family == null) {
                throw new IllegalStateException("platform.errors names the family " + selection.familyOf(path.getKey())
                        + " for " + path.getKey() + "; known: " + families.keySet());
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                describeErrors(operation, family);
            }
        }
    }

    private static void describeErrors(Operation operation, ErrorFamily family) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        ERRORS.forEach((status, description) -> {
            APIResponse declared = responses.getAPIResponse(status);
            // generated responses (the security filter's 401 and 403) may be one object shared by every operation:
            // each operation gets its own, with the body of its own family
            if (declared == null || declared.getContent() == null || declared.getContent().getMediaTypes().isEmpty()
                    || describesAnError(declared)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(declared == null ? description : declared.getDescription())
                        .content(OASFactory.createContent().addMediaType(family.mediaType(),
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/" + schemaName(family.name()))))));
            }
        });
    }

    private static boolean describesAnError(APIResponse response) {
        return response.getContent().getMediaTypes().values().stream().allMatch(media -> media.getSchema() != null
                && media.getSchema().getRef() != null && media.getSchema().getRef().startsWith(
                        "#/components/schemas/Error"));
    }

    static String schemaName(String family) {
        StringBuilder name = new StringBuilder("Error");
        for (String part : family.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}

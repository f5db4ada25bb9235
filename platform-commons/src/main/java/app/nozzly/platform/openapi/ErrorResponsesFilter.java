package app.nozzly.platform.openapi;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import app.nozzly.platform.errors.ErrorFamily;
import app.nozzly.platform.errors.ErrorResponses;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The served OpenAPI document says what the wire carries for errors too: every operation lists the error
 * answers every API of the platform can give (400, 401, 403, 404, 409, 429, 500, 503) with the body of its
 * path's error family ({@link ErrorFamily}), as a schema component per family. Runs at startup, where the
 * families and the service's configuration are known.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ErrorResponsesFilter implements OASFilter {

    private static final Map<String, String> ERRORS = new TreeMap<>(Map.of(
            "400", "invalid input: a field, a parameter or the body is wrong; the body names it",
            "401", "no valid bearer token",
            "403", "the token's roles do not allow this",
            "404", "no such resource for this tenant",
            "409", "conflicts with the current state (a duplicate, a state that does not allow it)",
            "429", "a rate limit is spent; Retry-After says when to retry",
            "500", "internal error; the body carries a request id to quote",
            "503", "a dependency is away; Retry-After says when to retry"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ErrorResponses errors = Arc.container().instance(ErrorResponses.class).get();
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        errors.families().forEach((name, family) -> components.addSchema(schemaName(name), family.schema()));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            ErrorFamily family = errors.familyOf(path.getKey());
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
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(description);
                responses.addAPIResponse(status, response);
            }
            if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(OASFactory.createContent().addMediaType(family.mediaType(),
                        OASFactory.createMediaType().schema(OASFactory.createSchema()
                                .ref("#/components/schemas/" + schemaName(family.name())))));
            }
        });
    }

    static String schemaName(String family) {
        StringBuilder name = new StringBuilder("Error");
        for (String part : family.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}

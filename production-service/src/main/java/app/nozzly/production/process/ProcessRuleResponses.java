package app.nozzly.production.process;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import app.nozzly.platform.errors.ErrorFamily;
import app.nozzly.platform.errors.ErrorResponses;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * specs/001 "Códigos de Error": its rules refuse a change with 422 (PROD003, PROD004, PROD006, PROD009-PROD012,
 * PRODUCT_NOT_FOUND, MATERIAL_NOT_FOUND, MAINTENANCE_*), so every write of /api/v1/production/ documents a 422 with
 * the API's error body next to the errors platform-commons documents for every operation.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ProcessRuleResponses implements OASFilter {

    static final String BASE = "/api/v1/production/";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        ErrorResponses errors = Arc.container().instance(ErrorResponses.class).get();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(BASE)) {
                continue;
            }
            ErrorFamily family = errors.familyOf(path.getKey());
            path.getValue().getOperations().forEach((method, operation) -> {
                if (WRITES.contains(method)) {
                    unprocessable(operation, family);
                }
            });
        }
    }

    private static void unprocessable(Operation operation, ErrorFamily family) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("422") == null) {
            operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                    .description("a rule of specs/001 refuses the change; error.code names it (PROD003, PROD004, ...)")
                    .content(OASFactory.createContent().addMediaType(family.mediaType(),
                            OASFactory.createMediaType().schema(family.schema()))));
        }
    }
}

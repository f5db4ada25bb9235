package app.nozzly.printer.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Quarkus adds one 401 and one 403 response object to every secured operation, the same object each time; the
 * platform's error bodies are then written into it per path, so the family of whichever path came first
 * (specs/002's {error, status}) would describe specs/003's 401 and 403 too. Each operation gets its own copy
 * before that (a higher priority runs earlier), so each path's answers are documented in its own family.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 2)
public class SecurityResponsesPerOperation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                for (String status : new String[] { "401", "403" }) {
                    APIResponse shared = operation.getResponses().getAPIResponse(status);
                    if (shared != null && shared.getContent() == null) {
                        operation.getResponses().addAPIResponse(status,
                                OASFactory.createAPIResponse().description(shared.getDescription()));
                    }
                }
            }
        }
    }
}

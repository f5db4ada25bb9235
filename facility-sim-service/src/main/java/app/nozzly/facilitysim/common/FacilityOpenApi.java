package app.nozzly.facilitysim.common;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What the served document cannot learn from the code: specs/004's language parameter on every operation, the 402
 * of produce (4002, insufficient funds), and the 200 of a connection that is re-pointed beside its 201.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class FacilityOpenApi implements OASFilter {

    static final String PRODUCE = "/api/facility/production/produce";
    static final String CONNECT = "/api/facility/admin/connections";
    /** The component platform-commons publishes for the facility-envelope family's body. */
    static final String ENVELOPE = "#/components/schemas/ErrorFacilityEnvelope";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/facility/")) {
                item.getOperations().values().forEach(operation -> operation.addParameter(language()));
            }
        });
        Operation produce = operation(openAPI, PRODUCE);
        if (produce != null && produce.getResponses() != null) {
            produce.getResponses().addAPIResponse("402", OASFactory.createAPIResponse()
                    .description("4002: the team's funds do not cover the production's cost")
                    .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(ENVELOPE)))));
        }
        Operation connect = operation(openAPI, CONNECT);
        if (connect != null && connect.getResponses() != null) {
            APIResponse ok = connect.getResponses().getAPIResponse("200");
            if (ok != null) {
                connect.getResponses().addAPIResponse("201", OASFactory.createAPIResponse()
                        .description("the facility is connected to the provider").content(ok.getContent()));
                ok.setDescription("the facility's existing line of this resource now leads to the provider");
            }
        }
    }

    private static Operation operation(OpenAPI openAPI, String path) {
        PathItem item = openAPI.getPaths().getPathItem(path);
        return item == null ? null : item.getPOST();
    }

    private static Parameter language() {
        return OASFactory.createParameter().name("lang").in(Parameter.In.QUERY)
                .description("the answer's language (specs/004 \"Language Support\"): first this, then the x-lang"
                        + " header, then Accept-Language; default zh")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(List.of("en", "zh")));
    }
}

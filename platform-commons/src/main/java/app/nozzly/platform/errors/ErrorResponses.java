package app.nozzly.platform.errors;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders an error in the family of the request's path: the one place an error body is made, for exception
 * mappers, security failures, rate limits and filters alike.
 */
@ApplicationScoped
public class ErrorResponses {

    private final Map<String, ErrorFamily> byName;
    private final FamilySelection selection;

    private final ObjectMapper json;

    @Inject
    public ErrorResponses(Instance<ErrorFamily> families, ErrorsConfig config, ObjectMapper json) {
        this.json = json;
        this.byName = families.stream().collect(java.util.stream.Collectors.toMap(ErrorFamily::name, f -> f));
        this.selection = FamilySelection.of(config.defaultFamily(), config.families());
        named(selection.fallback());
        selection.byPrefix().forEach(e -> named(e.getValue()));
    }

    private ErrorFamily named(String name) {
        ErrorFamily family = byName.get(name);
        if (family == null) {
            throw new IllegalStateException("no error family named " + name + "; known: " + byName.keySet());
        }
        return family;
    }

    public ErrorFamily familyOf(String path) {
        return named(selection.familyOf(path));
    }

    public Response render(String path, ApiProblem problem) {
        Response.ResponseBuilder builder = builder(path, problem.status(), problem.code(), problem.getMessage(),
                problem.details());
        problem.headers().forEach(builder::header);
        return builder.build();
    }

    public Response render(String path, int status, String code, String message, Map<String, Object> details) {
        return builder(path, status, code, message, details).build();
    }

    private Response.ResponseBuilder builder(String path, int status, String code, String message,
            Map<String, Object> details) {
        ErrorFamily family = familyOf(path);
        ApiError error = new ApiError(status, code, message, details, RequestIds.current(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // written here, so that the family's media type (application/problem+json) is what the wire carries
        return Response.status(status).type(family.mediaType()).entity(write(family.body(error)));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written", e);
        }
    }
}

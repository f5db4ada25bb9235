package app.nozzly.printer.errors;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The two error families of printer-service: specs/003 "Standard Error Response Format"
 * ({"error": {code, message, details, timestamp, request_id}}) under /api/v1, and specs/002 "Error Responses"
 * ({"error": message, "status": code}) under /api/bambu.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return render(uri, e.status(), e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        String message = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        return render(uri, 422, "VALIDATION_ERROR", message, Map.of());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return render(uri, 400, "VALIDATION_ERROR", "request body is not valid JSON for this endpoint: "
                + e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            default -> status >= 500 ? "INTERNAL_ERROR" : "VALIDATION_ERROR";
        };
        return render(uri, status, code, e.getMessage(), Map.of());
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Exception e, UriInfo uri) {
        String requestId = "req_" + UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected failure on %s (%s)", uri.getPath(), requestId);
        return render(uri, 500, "INTERNAL_ERROR", "internal error, reference " + requestId, Map.of());
    }

    static Response render(UriInfo uri, int status, String code, String message, Map<String, Object> details) {
        Object body;
        if (uri.getPath().startsWith("/api/bambu")) {
            Map<String, Object> bambu = new LinkedHashMap<>();
            bambu.put("error", message);
            bambu.put("status", status);
            body = bambu;
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            error.put("details", details);
            error.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            error.put("request_id", "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
            body = Map.of("error", error);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}

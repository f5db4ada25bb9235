package app.nozzly.production.runs.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.runs.ProductionRunException;

/**
 * RFC 9457 problem details for /api/v1/production-runs (specs/000 is silent on error bodies): "detail" carries
 * the message FastAPI-style clients read. Generic JAX-RS and JSON errors are rendered by the resources' local
 * mappers only, so other APIs of this service keep their own error shapes.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem document; type names the kind of problem, detail what went wrong and how to fix it. */
    public record Problem(String type, String title, int status, String detail) {
    }

    private Problems() {
    }

    static Response of(ProductionRunException e) {
        if (e.status() >= 500) {
            LOG.warn(e.getMessage());
        }
        return of(e.status(), e.title(), e.getMessage());
    }

    static Response of(int status, String title, String detail) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("https://api.nozzly.app/problems/" + slug, title, status, detail)).build();
    }

    static Response of(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? status.getReasonPhrase()
                : e.getMessage();
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    static Response of(JsonProcessingException e) {
        return of(400, "Bad Request",
                "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage());
    }
}

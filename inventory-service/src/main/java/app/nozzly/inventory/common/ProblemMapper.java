package app.nozzly.inventory.common;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The error shape of the /api/v1 inventory API (the spec is silent, so RFC 9457 problem details):
 * {@code application/problem+json} with type, title, status, detail and extension members.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TYPE_BASE = "https://api.nozzly.app/problems/";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response inventoryProblem(InventoryProblem problem) {
        return problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.extensions());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return problem(400, "invalid-request", "Invalid request", "request body is not valid JSON for this endpoint: "
                + e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e) {
        if (isUniqueViolation(e)) {
            return problem(409, "conflict", "Conflict", "a record with the same unique value already exists"
                    + " for this tenant (" + rootMessage(e) + ")", Map.of());
        }
        if (isPoolExhausted(e)) {
            LOG.warnf("no database connection became free in time: %s", e.getMessage());
            return Response.fromResponse(problem(503, "busy", "Service busy", "inventory is busy; retry shortly",
                    Map.of())).header("Retry-After", "1").build();
        }
        throw e;
    }

    /** True when the database refused a duplicate (a concurrent create won the unique key). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    /** True when every pooled connection stayed busy past the acquisition timeout (overload, not a bug). */
    public static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int detail = message.indexOf("Detail:");
        return detail >= 0 ? message.substring(detail + 7).trim() : "unique constraint";
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request failed: %s", e.getMessage());
        }
        return problem(status, status == 404 ? "not-found" : "http-" + status,
                Response.Status.fromStatusCode(status) == null ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(),
                e.getMessage(), Map.of());
    }

    public static Response problem(int status, String type, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}

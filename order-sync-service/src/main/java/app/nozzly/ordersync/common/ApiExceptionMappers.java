package app.nozzly.ordersync.common;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error of the specs/002 API family as {"error", "status"}; a 5xx is logged as the bug it is. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    public static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message, status)).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(v -> leaf(v.getPropertyPath().toString()) + " " + v.getMessage()).sorted()
                .collect(Collectors.joining("; "));
        return error(400, message);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return error(400, "request body is not valid JSON for this endpoint: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return error(401, "invalid or missing JWT token");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return error(401, "invalid or missing JWT token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "your role does not allow this operation");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "resource not found";
            case 405 -> "method not allowed";
            case 415 -> "unsupported media type: send application/json";
            default -> e.getMessage();
        };
        if (status == 400 && e.getCause() != null) {
            message = "bad request: " + e.getCause().getMessage();
        }
        return error(status, message);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "unexpected failure: %s", e.getMessage());
        return error(500, "internal server error");
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

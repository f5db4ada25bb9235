package app.nozzly.platform.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import app.nozzly.platform.tenancy.TenantContext;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every failure of every service's API becomes an answer in that API's error family: invalid input 400 naming
 * the field and what it accepts, no token 401, a role short 403, duplicates 409, the database away 503 with
 * Retry-After, and anything else 500 with a request id to quote, never a stack trace or a Java class name.
 * These come before Quarkus' built-in mappers (priority 5001), whose 401 and 403 have no body and whose JSON
 * errors name Java classes; a service refining one for its API gives its own mapper a priority below 4900.
 */
public class PlatformExceptionMappers {

    private static final int PRIORITY = 4_900;
    private static final Logger LOG = Logger.getLogger(PlatformExceptionMappers.class);

    @Inject
    ErrorResponses errors;

    @Inject
    TenantContext tenants;

    @Inject
    ObjectMapper json;

    @Inject
    JWTParser tokens;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ApiProblem problem, UriInfo uri) {
        if (problem.status() >= 500) {
            LOG.warnf("%s %s answered %d %s: %s", tenant(), uri.getPath(), problem.status(), problem.code(),
                    problem.getMessage());
        }
        return errors.render(uri.getPath(), problem);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            fields.merge(FieldNames.ofViolation(violation, json),
                    violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return errors.render(uri.getPath(), ApiProblem.invalidFields(fields));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return errors.render(uri.getPath(), JsonProblems.of(e, json));
    }

    /** Quarkus maps this one itself (naming Java classes): the exact type takes it back. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return errors.render(uri.getPath(), JsonProblems.of(e, json));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "a valid bearer token is required");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri, "the bearer token is not valid (signature, issuer, audience or expiry)");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationIncomplete(AuthenticationCompletionException e, UriInfo uri) {
        return unauthorized(uri, "the bearer token is not valid (signature, issuer, audience or expiry)");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return errors.render(uri.getPath(), 403, ErrorCodes.FORBIDDEN,
                "the token's roles do not allow " + uri.getPath(), Map.of());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        Response response = e.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        int status = response.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            // the JSON reader wraps what the parser itself refused (a number out of range, say)
            return errors.render(uri.getPath(), JsonProblems.of(unreadable, json));
        }
        if (e instanceof NotFoundException && uri.getPath().startsWith("/api/") && conversionFailure(e) == null
                && !validToken(authorization)) {
            // an anonymous caller learns nothing of which API paths exist
            return unauthorized(uri, "a valid bearer token is required");
        }
        if (e instanceof NotFoundException && conversionFailure(e) != null) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted; the client sent a bad value
            return errors.render(uri.getPath(), 400, ErrorCodes.VALIDATION_ERROR,
                    "a path or query parameter has a value of the wrong type: " + conversionFailure(e), Map.of());
        }
        String message = switch (status) {
            case 404 -> "nothing at " + uri.getPath();
            case 405 -> "this method is not allowed on " + uri.getPath();
            case 406 -> "no representation of " + uri.getPath() + " matches the Accept header";
            case 415 -> "this content type is not accepted here; send application/json";
            default -> status >= 500 ? "internal error" : String.valueOf(e.getMessage());
        };
        Response rendered = errors.render(uri.getPath(), status, ErrorCodes.forStatus(status), message, Map.of());
        if (status >= 500) {
            LOG.errorf(e, "%s %s failed", tenant(), uri.getPath());
        }
        return copyHeaders(response, rendered);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Exception e, UriInfo uri) {
        DatabaseProblems.Classified database = DatabaseProblems.classify(e);
        if (database != null) {
            if (database.problem().status() >= 500) {
                LOG.warnf("%s %s: database unavailable: %s", tenant(), uri.getPath(), database.cause());
            } else {
                LOG.debugf("%s %s refused by the database: %s", tenant(), uri.getPath(), database.cause());
            }
            return errors.render(uri.getPath(), database.problem());
        }
        LOG.errorf(e, "%s %s failed (request %s)", tenant(), uri.getPath(), RequestIds.current());
        return errors.render(uri.getPath(), 500, ErrorCodes.INTERNAL_ERROR,
                "internal error; quote request id " + RequestIds.current() + " when reporting it", Map.of());
    }

    /** Whether the request carries a token the service would accept (the parser remembers verified tokens). */
    private boolean validToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            tokens.parse(authorization.substring(7).trim());
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    private Response unauthorized(UriInfo uri, String message) {
        return Response.fromResponse(errors.render(uri.getPath(), 401, ErrorCodes.UNAUTHORIZED, message, Map.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    private String tenant() {
        return "tenant " + tenants.current().orElse("-");
    }

    private static String conversionFailure(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof java.time.DateTimeException) {
                return cause.getMessage();
            }
        }
        return null;
    }

    private static Response copyHeaders(Response from, Response to) {
        Response.ResponseBuilder builder = Response.fromResponse(to);
        for (Map.Entry<String, List<Object>> header : from.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("content-type") && !header.getKey().equalsIgnoreCase("content-length")) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return builder.build();
    }
}

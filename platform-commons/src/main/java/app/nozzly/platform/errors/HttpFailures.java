package app.nozzly.platform.errors;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failures that end a request before JAX-RS sees it (the HTTP layer's authentication and permissions, a body
 * over the size limit) answer in the API's error family too, instead of an empty body.
 */
@ApplicationScoped
public class HttpFailures {

    @Inject
    ErrorResponses errors;

    void register(@Observes Router router) {
        router.route().order(-999).failureHandler(this::render);
    }

    void render(RoutingContext context) {
        if (context.response().headWritten() || !context.request().path().startsWith("/api/")) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        int status = failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException ? 401
                : failure instanceof ForbiddenException ? 403 : context.statusCode();
        if (status < 400) {
            context.next();
            return;
        }
        String message = switch (status) {
            case 401 -> "a valid bearer token is required";
            case 403 -> "the token's roles do not allow " + context.request().path();
            case 413 -> "the request body is larger than this endpoint accepts";
            default -> status >= 500 ? "internal error; quote request id " + RequestIds.current() : "request refused";
        };
        Response rendered = errors.render(context.request().path(), status, ErrorCodes.forStatus(status), message,
                Map.of());
        context.response().setStatusCode(status).putHeader("Content-Type", String.valueOf(rendered.getMediaType()));
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        context.end(String.valueOf(rendered.getEntity()));
    }
}

package app.nozzly.platform.errors;

import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The error body of one API family, as its spec defines it. Built in: {@code problem} (RFC 9457, where a spec is
 * silent), {@code message-status} (specs/002), {@code error-object} (specs/003) and {@code coded-error}
 * (specs/001); a service adds its own as a CDI bean (facility-sim-service's specs/004 envelope). Which family
 * answers which paths is configuration: {@code platform.errors.default-family} and
 * {@code platform.errors.families."<path prefix>"}.
 */
public interface ErrorFamily {

    /** The name configuration uses for this family. */
    String name();

    /** The JSON body (a map or record Jackson writes) of this error in this family's shape. */
    Object body(ApiError error);

    default String mediaType() {
        return "application/json";
    }

    /** The body's schema, published in each operation's error responses of the served OpenAPI document. */
    Schema schema();
}

package app.nozzly.platform.rest;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * A URL parameter as a JAX-RS {@code ParamConverterProvider} is asked about it: the name the client wrote and
 * whether it is a path segment, so that a converter's refusal can name it.
 */
public record RequestParameter(String name, boolean inPath) {

    /** The {@code @QueryParam} or {@code @PathParam} among a parameter's annotations; null when it is neither. */
    public static RequestParameter of(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return new RequestParameter(query.value(), false);
            }
            if (annotation instanceof PathParam path) {
                return new RequestParameter(path.value(), true);
            }
        }
        return null;
    }
}

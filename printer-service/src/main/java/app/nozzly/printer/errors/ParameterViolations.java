package app.nozzly.printer.errors;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/**
 * A query or path parameter outside its Bean Validation bounds (limit=101, page=0) is an invalid request parameter:
 * 400 in the family's error shape, naming the parameter as the client sent it; Quarkus' own mapper for these would
 * answer in its own shape.
 */
public class ParameterViolations {

    @ServerExceptionMapper
    public Response parameters(ResteasyReactiveViolationException e, UriInfo uri) {
        String message = e.getConstraintViolations().stream().map(ParameterViolations::describe).sorted()
                .collect(Collectors.joining("; "));
        return ErrorMappers.render(uri, 400, "VALIDATION_ERROR", message, Map.of());
    }

    /** "limit must be less than or equal to 100, was 101". */
    private static String describe(ConstraintViolation<?> violation) {
        return parameterName(violation) + " " + violation.getMessage() + ", was " + violation.getInvalidValue();
    }

    /** The @QueryParam or @PathParam name of the violated method parameter, else its Java name. */
    private static String parameterName(ConstraintViolation<?> violation) {
        String method = null;
        String javaName = violation.getPropertyPath().toString();
        int index = -1;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                index = node.as(Path.ParameterNode.class).getParameterIndex();
                javaName = node.getName();
            }
        }
        for (Class<?> type = violation.getRootBeanClass(); type != null && method != null && index >= 0;
                type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() > index) {
                    for (Annotation annotation : candidate.getParameterAnnotations()[index]) {
                        if (annotation instanceof QueryParam query) {
                            return query.value();
                        }
                        if (annotation instanceof PathParam path) {
                            return path.value();
                        }
                    }
                }
            }
        }
        return javaName;
    }
}

package app.nozzly.facilitysim.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import app.nozzly.platform.errors.ErrorResponses;
import app.nozzly.platform.rest.RequestParameter;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Query and path parameters are typed (UUID, Integer, Long, enums, {@link DateBound}); a value that is not one
 * answers 4001 naming the parameter and what it accepts, as specs/004's {@code data.errors} does for bodies (JAX-RS
 * alone would answer without naming it). Enums match their name or {@link WireName}, in any case.
 */
@Provider
public class TypedParameters implements ParamConverterProvider {

    @Inject
    ErrorResponses errors;

    @Inject
    CurrentVertxRequest request;

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        RequestParameter parameter = RequestParameter.of(annotations);
        if (parameter == null) {
            return null;
        }
        String name = parameter.name();
        boolean path = parameter.inPath();
        if (rawType == UUID.class) {
            return converter(rawType, name, path, UUID::fromString, Msg.NOT_AN_ID);
        }
        if (rawType == Integer.class) {
            return converter(rawType, name, path, Integer::valueOf, Msg.NOT_AN_INTEGER);
        }
        if (rawType == Long.class) {
            return converter(rawType, name, path, Long::valueOf, Msg.NOT_AN_INTEGER);
        }
        if (rawType == DateBound.class) {
            return converter(rawType, name, path, DateBound::parse, Msg.NOT_A_DATE);
        }
        if (rawType.isEnum()) {
            Object[] constants = rawType.getEnumConstants();
            String accepted = Arrays.stream(constants).map(TypedParameters::wire).collect(Collectors.joining(", "));
            return converter(rawType, name, path, value -> Arrays.stream(constants)
                    .filter(c -> wire(c).equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(value)), Msg.ONE_OF, "[" + accepted + "]");
        }
        return null;
    }

    /** An empty query parameter is an absent one; an empty path segment names nothing and is malformed. */
    private <T> ParamConverter<T> converter(Class<T> type, String name, boolean path, Function<String, Object> parse,
            Msg reason, Object... args) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    if (path) {
                        throw invalid();
                    }
                    return null;
                }
                try {
                    return type.cast(parse.apply(value.trim()));
                } catch (IllegalArgumentException e) {
                    throw invalid();
                }
            }

            private BadRequestException invalid() {
                return new BadRequestException(errors.render(request.getCurrent().normalizedPath(),
                        FacilityException.invalid(name, reason, args)));
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> constant ? wire(constant) : value.toString();
            }
        };
    }

    private static String wire(Object constant) {
        return constant instanceof WireName named ? named.wireName() : ((Enum<?>) constant).name();
    }
}

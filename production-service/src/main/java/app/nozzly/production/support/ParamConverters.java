package app.nozzly.production.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import app.nozzly.platform.json.WireEnum;
import app.nozzly.platform.rest.RequestParameter;

/**
 * Path and query parameters of both APIs, typed: whole numbers, true/false, UUIDs, {@link TimeBound}s and our
 * enums in the spec's spelling ({@link WireEnum}). A malformed value is refused naming the parameter and what it
 * accepts; platform-commons answers that conversion failure with 400 in the API's error family.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Param name = Param.of(annotations);
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Integer::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", ParamConverters::bool);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "a UUID", UUID::fromString);
        }
        if (rawType == TimeBound.class) {
            return (ParamConverter<T>) converter(name, "an ISO-8601 date (2024-03-15) or date-time"
                    + " (2024-03-15T08:00:00Z) of the years 1 to 9999", TimeBound::parse);
        }
        if (rawType.isEnum() && WireEnum.class.isAssignableFrom(rawType)) {
            return (ParamConverter<T>) wire(name, (Class) rawType);
        }
        return null;
    }

    private static <E extends Enum<E> & WireEnum> ParamConverter<E> wire(Param name, Class<E> type) {
        return converter(name, "one of " + String.join(", ", WireEnum.values(type)),
                value -> WireEnum.of(type, value).orElseThrow(IllegalArgumentException::new));
    }

    /** An empty query parameter is an absent one; an empty path segment names nothing and is malformed. */
    private static <T> ParamConverter<T> converter(Param name, String accepted, Function<String, T> read) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    if (name.inPath()) {
                        throw new IllegalArgumentException(name.label() + " must be " + accepted + ", not blank");
                    }
                    return null;
                }
                try {
                    return read.apply(value.strip());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name.label() + " must be " + accepted + ", not '" + value + "'", e);
                }
            }

            @Override
            public String toString(T value) {
                return value instanceof WireEnum wire ? wire.value() : String.valueOf(value);
            }
        };
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** The parameter as a refusal names it, and whether it is a path segment. */
    private record Param(String label, boolean inPath) {

        static Param of(Annotation[] annotations) {
            RequestParameter parameter = RequestParameter.of(annotations);
            if (parameter == null) {
                return new Param("the parameter", false);
            }
            return new Param((parameter.inPath() ? "path parameter " : "query parameter ") + parameter.name(),
                    parameter.inPath());
        }
    }
}

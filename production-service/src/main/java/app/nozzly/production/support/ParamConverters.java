package app.nozzly.production.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

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
        String name = nameOf(annotations);
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

    private static <E extends Enum<E> & WireEnum> ParamConverter<E> wire(String name, Class<E> type) {
        return converter(name, "one of " + String.join(", ", WireEnum.values(type)),
                value -> WireEnum.of(type, value).orElseThrow(IllegalArgumentException::new));
    }

    private static <T> ParamConverter<T> converter(String name, String accepted, Function<String, T> read) {
        // an empty query parameter is an absent one; an empty path segment names nothing and is malformed
        boolean path = name.startsWith("path ");
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    if (path) {
                        throw new IllegalArgumentException(name + " must be " + accepted + ", not blank");
                    }
                    return null;
                }
                try {
                    return read.apply(value.strip());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + " must be " + accepted + ", not '" + value + "'", e);
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

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return "query parameter " + query.value();
            }
            if (annotation instanceof PathParam path) {
                return "path parameter " + path.value();
            }
        }
        return "the parameter";
    }
}

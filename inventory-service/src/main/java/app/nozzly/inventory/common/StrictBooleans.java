package app.nozzly.inventory.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Boolean query parameters are true or false (any case; blank is not given): JAX-RS' own conversion reads every
 * other word as false, so {@code low_stock=maybe} would quietly list everything; here it answers 400 naming it.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class) {
            return null;
        }
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(QueryParam.class::cast)
                .map(QueryParam::value).findFirst().orElse("the parameter");
        return (ParamConverter<T>) new Strict(name);
    }

    /** One parameter's converter, naming it in its refusal. */
    private record Strict(String name) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
            };
        }

        @Override
        public String toString(Boolean value) {
            return String.valueOf(value);
        }
    }
}

package app.nozzly.printer.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import app.nozzly.platform.json.WireEnum;
import app.nozzly.platform.rest.RequestParameter;

/**
 * The two parameter types JAX-RS cannot convert as the specs write them: spec enums ({@link WireEnum}) by their
 * word ("printing", "bambu_lab"), and booleans, which JAX-RS reads as false for any word but "true". A malformed
 * value answers 400 naming the parameter; integers and dates are JAX-RS' own (platform-commons answers 400).
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    // JAX-RS asks per raw type; each branch returns that type's converter
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        RequestParameter parameter = RequestParameter.of(annotations);
        if (parameter == null) {
            return null;
        }
        String name = parameter.name();
        if (rawType.isEnum() && WireEnum.class.isAssignableFrom(rawType)) {
            return (ParamConverter<T>) new EnumConverter(rawType.asSubclass(Enum.class), name);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new BooleanConverter(name);
        }
        return null;
    }

    /** The constant whose value is {@code value}; otherwise an IllegalArgumentException naming the allowed ones. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, String name) {
        return WireEnum.of(type, value).orElseThrow(() -> new IllegalArgumentException(name + " must be one of ["
                + String.join(", ", WireEnum.values(type)) + "], was " + value));
    }

    private record EnumConverter<E extends Enum<E> & WireEnum>(Class<E> type, String name)
            implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            try {
                return value == null ? null : parse(type, value, name);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }

        @Override
        public String toString(E value) {
            return value.value();
        }
    }

    /** "true" or "false". */
    private record BooleanConverter(String name) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            if ("true".equalsIgnoreCase(value.trim()) || "false".equalsIgnoreCase(value.trim())) {
                return Boolean.valueOf(value.trim());
            }
            throw new BadRequestException(name + " must be true or false, was " + value);
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    }
}

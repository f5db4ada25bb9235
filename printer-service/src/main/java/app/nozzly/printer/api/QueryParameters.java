package app.nozzly.printer.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Typed query and path parameters: spec enums ({@link ApiValue}), ISO dates, integers and booleans. A malformed
 * value is the client's mistake and answers 400 naming the parameter (JAX-RS would answer 404 for a query parameter
 * it cannot convert, and read any word but "true" as false).
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    // JAX-RS asks per raw type; each branch returns that type's converter
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum() && ApiValue.class.isAssignableFrom(rawType)) {
            return (ParamConverter<T>) new EnumConverter(rawType.asSubclass(Enum.class), name);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new DateConverter(name);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new IntegerConverter(name);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new BooleanConverter(name);
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    private record EnumConverter<E extends Enum<E> & ApiValue>(Class<E> type, String name)
            implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            try {
                return value == null ? null : ApiValue.parse(type, value, name);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }

        @Override
        public String toString(E value) {
            return value.value();
        }
    }

    private record DateConverter(String name) implements ParamConverter<LocalDate> {

        @Override
        public LocalDate fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                // a date-time is accepted too; its day is what the filter uses
                return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
            } catch (DateTimeParseException e) {
                throw new BadRequestException(name + " must be an ISO date like 2025-09-03, was " + value);
            }
        }

        @Override
        public String toString(LocalDate value) {
            return value.toString();
        }
    }

    private record IntegerConverter(String name) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException(name + " must be an integer, was " + value);
            }
        }

        @Override
        public String toString(Integer value) {
            return value.toString();
        }
    }

    /** "true" or "false"; JAX-RS would read anything else as false. */
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

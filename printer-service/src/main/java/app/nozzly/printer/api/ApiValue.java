package app.nozzly.printer.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;

import app.nozzly.platform.json.SpecEnumNaming;

/**
 * An enum of the specs' vocabulary whose JSON, query parameter and database value is the spec's word
 * ("printing", "bambu_lab"); {@link SpecEnumNaming} spells it in JSON, {@link ApiValueConverter} stores it,
 * {@link QueryParameters} parses it.
 */
public interface ApiValue {

    /** Implemented by every enum. */
    String name();

    /** The spec's word for the constant. */
    default String value() {
        return SpecEnumNaming.spell(name());
    }

    /** The constant whose value is {@code value}; otherwise an IllegalArgumentException naming the allowed ones. */
    static <E extends Enum<E> & ApiValue> E parse(Class<E> type, String value, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + values(type) + ", was " + value);
    }

    static <E extends Enum<E> & ApiValue> String values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ApiValue::value).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Stores an {@link ApiValue} enum as its value, so columns keep the words they always held. */
    abstract class ApiValueConverter<E extends Enum<E> & ApiValue> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected ApiValueConverter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E attribute) {
            return attribute == null ? null : attribute.value();
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null ? null : parse(type, column, type.getSimpleName());
        }
    }
}

package app.nozzly.platform.json;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;

/**
 * An enum of the specs' vocabulary: Java constants in UPPER_CASE, while JSON (through {@link SpecEnumNaming}), query
 * parameters and (through {@link Column}) the database keep the spec's spelling ({@code in_progress},
 * {@code bambu_lab}). Messages name a constant by {@link #value()}, never by {@code toString()}, which is the Java
 * name.
 */
public interface WireEnum {

    /** Implemented by every enum. */
    String name();

    /** The value as the spec spells it. */
    default String value() {
        return SpecEnumNaming.spell(name());
    }

    /** The constant whose wire value is {@code value}. */
    static <E extends Enum<E> & WireEnum> Optional<E> of(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.value().equals(value)).findFirst();
    }

    /** Every wire value of the enum, in declaration order. */
    static <E extends Enum<E> & WireEnum> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::value).toList();
    }

    /** Stores an enum as its wire value, the value its column has always held. */
    abstract class Column<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E constant) {
            return constant == null ? null : constant.value();
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : of(type, value).orElseThrow(() -> new IllegalStateException(
                    "column value '" + value + "' is none of " + values(type) + " (" + type.getSimpleName() + ")"));
        }
    }
}

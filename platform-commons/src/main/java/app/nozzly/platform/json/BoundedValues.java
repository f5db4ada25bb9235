package app.nozzly.platform.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Values a request body may carry, bounded to what Postgres and the platform store: no NUL in text (Postgres
 * cannot store it), finite numbers, decimals of at most 30 integer digits and 20 decimal places (so 1e400 and
 * 1e-400 are refused instead of overflowing or rounding to 0), dates between the years 1 and 9999. A value
 * outside answers 400 naming the field; a field's own tighter limit is Bean Validation's job.
 */
public final class BoundedValues extends SimpleModule {

    private static final long serialVersionUID = 1L;
    static final int MAX_INTEGER_DIGITS = 30;
    static final int MAX_DECIMAL_PLACES = 20;
    private static final Set<Class<?>> BOUNDED = Set.of(String.class, Double.class, double.class, Float.class,
            float.class, BigDecimal.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDate.class,
            LocalDateTime.class);

    public BoundedValues() {
        super("nozzly-bounded-values");
        setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return BOUNDED.contains(description.getBeanClass()) ? new Bounded(deserializer) : deserializer;
            }
        });
    }

    /** The standard deserializer of the type, then the check. */
    static final class Bounded extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return check(parser, _delegatee.deserialize(parser, context));
        }

        private static Object check(JsonParser parser, Object value) throws BoundsException {
            if (value instanceof String text && text.indexOf('\u0000') >= 0) {
                throw new BoundsException(parser, "must not contain NUL characters");
            }
            if (value instanceof Double number && !Double.isFinite(number)
                    || value instanceof Float single && !Float.isFinite(single)) {
                throw new BoundsException(parser, "must be a finite number");
            }
            if (value instanceof BigDecimal decimal) {
                BigDecimal stripped = decimal.stripTrailingZeros();
                if (stripped.scale() > MAX_DECIMAL_PLACES) {
                    throw new BoundsException(parser, "must have at most " + MAX_DECIMAL_PLACES + " decimal places");
                }
                if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
                    throw new BoundsException(parser, "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
                }
            }
            int year = yearOf(value);
            if (year < 1 || year > 9999) {
                throw new BoundsException(parser, "must be a date between the years 1 and 9999");
            }
            return value;
        }

        private static int yearOf(Object value) {
            if (value instanceof Instant instant) {
                return instant.atOffset(ZoneOffset.UTC).getYear();
            }
            if (value instanceof OffsetDateTime dateTime) {
                return dateTime.getYear();
            }
            if (value instanceof ZonedDateTime dateTime) {
                return dateTime.getYear();
            }
            if (value instanceof LocalDate date) {
                return date.getYear();
            }
            if (value instanceof LocalDateTime dateTime) {
                return dateTime.getYear();
            }
            return 2000;
        }
    }
}

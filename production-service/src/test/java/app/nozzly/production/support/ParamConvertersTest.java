package app.nozzly.production.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.RunStatus;

/** Path and query values of both APIs: typed, and a malformed one is refused naming the parameter. */
class ParamConvertersTest {

    private final ParamConverters converters = new ParamConverters();

    private <T> ParamConverter<T> query(Class<T> type, String name) {
        return converters.getConverter(type, type, new Annotation[] { new QueryParam() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }

            @Override
            public String value() {
                return name;
            }
        } });
    }

    @Test
    void valuesAreReadInTheSpecsSpelling() {
        assertThat(query(RunStatus.class, "status_filter").fromString("in_progress")).isEqualTo(RunStatus.IN_PROGRESS);
        assertThat(query(Boolean.class, "passed_only").fromString("true")).isTrue();
        assertThat(query(Integer.class, "page").fromString(" 3 ")).isEqualTo(3);
        UUID id = UUID.randomUUID();
        assertThat(query(UUID.class, "batch_id").fromString(id.toString())).isEqualTo(id);
        assertThat(query(Integer.class, "limit").fromString("")).isNull();
        assertThat(query(String.class, "name")).isNull();
    }

    @Test
    void malformedValuesNameTheParameterAndWhatItAccepts() {
        assertRefused(query(RunStatus.class, "status_filter"), "IN_PROGRESS", "status_filter",
                "in_progress, completed");
        assertRefused(query(Boolean.class, "passed_only"), "maybe", "passed_only", "true or false");
        assertRefused(query(Integer.class, "page"), "abc", "page", "a whole number");
        assertRefused(query(Integer.class, "page"), "9999999999", "page", "a whole number");
        assertRefused(query(UUID.class, "reactor_id"), "R-1", "reactor_id", "a UUID");
        assertRefused(query(TimeBound.class, "date_from"), "yesterday", "date_from", "ISO-8601");
        assertRefused(query(TimeBound.class, "date_to"), "+999999999-12-31T00:00:00Z", "date_to", "9999");
        PathParam path = new PathParam() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PathParam.class;
            }

            @Override
            public String value() {
                return "reactorId";
            }
        };
        assertRefused(converters.getConverter(UUID.class, UUID.class, new Annotation[] { path }), "x", "reactorId",
                "a UUID");
    }

    @Test
    void aDateBoundIsTheWholeDayAndADateTimeWithoutOffsetIsUtc() {
        TimeBound day = TimeBound.parse("2024-03-15");
        assertThat(day.from()).isEqualTo(OffsetDateTime.parse("2024-03-15T00:00Z"));
        assertThat(day.until()).isEqualTo(OffsetDateTime.parse("2024-03-16T00:00Z").minusNanos(1));
        assertThat(TimeBound.parse("2024-03-15T08:00:00").from()).isEqualTo(OffsetDateTime.parse("2024-03-15T08:00Z"));
        assertThat(TimeBound.parse("2024-03-15 08:00:00Z").until())
                .isEqualTo(OffsetDateTime.parse("2024-03-15T08:00Z"));
        // the unencoded '+' of an offset arrives as a space
        assertThat(TimeBound.parse("2024-03-15T08:00:00 02:00").from())
                .isEqualTo(OffsetDateTime.parse("2024-03-15T06:00Z"));
        assertThat(TimeBound.from(null)).isNull();
        assertThat(TimeBound.until(null)).isNull();
    }

    private static void assertRefused(ParamConverter<?> converter, String value, String parameter, String accepts) {
        assertThatThrownBy(() -> converter.fromString(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(parameter).hasMessageContaining(accepts).hasMessageContaining(value);
    }
}

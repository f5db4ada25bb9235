package app.nozzly.inventory.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

/** A boolean query parameter is true or false; any other word is refused naming the parameter. */
class StrictBooleansTest {

    private static final QueryParam LOW_STOCK = new QueryParam() {
        @Override
        public String value() {
            return "low_stock";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return QueryParam.class;
        }
    };

    private final ParamConverter<Boolean> converter = new StrictBooleans().getConverter(Boolean.class, Boolean.class,
            new Annotation[] {LOW_STOCK});

    @Test
    void readsTrueAndFalseInAnyCaseAndBlankAsNotGiven() {
        assertThat(converter.fromString("true")).isTrue();
        assertThat(converter.fromString("FALSE")).isFalse();
        assertThat(converter.fromString(" ")).isNull();
    }

    @Test
    void refusesAnyOtherWordNamingTheParameter() {
        assertThatThrownBy(() -> converter.fromString("maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("low_stock must be true or false, got 'maybe'");
        assertThatThrownBy(() -> converter.fromString("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesOtherTypesToJaxRs() {
        assertThat(new StrictBooleans().getConverter(String.class, String.class, new Annotation[0])).isNull();
    }
}

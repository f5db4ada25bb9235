package app.nozzly.production.process.recipes;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** specs/001 QualityMetric.test_type. */
public enum TestType implements WireEnum {
    PH("ph"),
    DENSITY("density"),
    VISCOSITY("viscosity"),
    MICROBIOLOGICAL("microbiological"),
    VISUAL("visual"),
    COFEPRIS("cofepris");

    private final String value;

    TestType(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<TestType> {
        public Column() {
            super(TestType.class);
        }
    }
}

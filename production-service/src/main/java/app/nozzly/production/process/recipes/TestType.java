package app.nozzly.production.process.recipes;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 QualityMetric.test_type. */
@EnumNaming(SpecEnumNaming.class)
public enum TestType implements WireEnum {
    PH,
    DENSITY,
    VISCOSITY,
    MICROBIOLOGICAL,
    VISUAL,
    COFEPRIS;

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<TestType> {
        public Column() {
            super(TestType.class);
        }
    }
}

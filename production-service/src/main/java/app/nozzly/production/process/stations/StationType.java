package app.nozzly.production.process.stations;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** specs/001 ProductionStation.type. */
public enum StationType implements WireEnum {
    FILLING("filling"),
    LABELING("labeling"),
    CAPPING("capping"),
    PACKAGING("packaging"),
    POWDER("powder"),
    SOAP("soap");

    private final String value;

    StationType(String value) {
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
    public static class Column extends WireEnum.Column<StationType> {
        public Column() {
            super(StationType.class);
        }
    }
}

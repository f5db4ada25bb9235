package app.nozzly.production.process.stations;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** specs/001 ProductionStation.status. */
public enum StationStatus implements WireEnum {
    IDLE("idle"),
    RUNNING("running"),
    PAUSED("paused"),
    MAINTENANCE("maintenance"),
    ERROR("error");

    private final String value;

    StationStatus(String value) {
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

    /** A station in maintenance or error is out of service (PROD007). */
    public boolean outOfService() {
        return this == MAINTENANCE || this == ERROR;
    }

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<StationStatus> {
        public Column() {
            super(StationStatus.class);
        }
    }
}

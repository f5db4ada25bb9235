package app.nozzly.production.process.stations;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 ProductionStation.status. */
@EnumNaming(SpecEnumNaming.class)
public enum StationStatus implements WireEnum {
    IDLE,
    RUNNING,
    PAUSED,
    MAINTENANCE,
    ERROR;

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

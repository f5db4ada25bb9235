package app.nozzly.production.process.stations;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 ProductionStation.type. */
@EnumNaming(SpecEnumNaming.class)
public enum StationType implements WireEnum {
    FILLING,
    LABELING,
    CAPPING,
    PACKAGING,
    POWDER,
    SOAP;

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<StationType> {
        public Column() {
            super(StationType.class);
        }
    }
}

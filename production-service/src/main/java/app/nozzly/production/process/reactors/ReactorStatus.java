package app.nozzly.production.process.reactors;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 Reactor.status. */
@EnumNaming(SpecEnumNaming.class)
public enum ReactorStatus implements WireEnum {
    IDLE,
    MIXING,
    HEATING,
    COOLING,
    TRANSFERRING,
    CLEANING,
    MAINTENANCE;

    /** States that mean "no batch inside": a reactor holding a batch cannot be put into them. */
    public static final Set<ReactorStatus> WITHOUT_BATCH = EnumSet.of(IDLE, CLEANING, MAINTENANCE);

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<ReactorStatus> {
        public Column() {
            super(ReactorStatus.class);
        }
    }
}

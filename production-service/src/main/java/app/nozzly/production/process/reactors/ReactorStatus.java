package app.nozzly.production.process.reactors;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** specs/001 Reactor.status. */
public enum ReactorStatus implements WireEnum {
    IDLE("idle"),
    MIXING("mixing"),
    HEATING("heating"),
    COOLING("cooling"),
    TRANSFERRING("transferring"),
    CLEANING("cleaning"),
    MAINTENANCE("maintenance");

    /** States that mean "no batch inside": a reactor holding a batch cannot be put into them. */
    public static final Set<ReactorStatus> WITHOUT_BATCH = EnumSet.of(IDLE, CLEANING, MAINTENANCE);

    private final String value;

    ReactorStatus(String value) {
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
    public static class Column extends WireEnum.Column<ReactorStatus> {
        public Column() {
            super(ReactorStatus.class);
        }
    }
}

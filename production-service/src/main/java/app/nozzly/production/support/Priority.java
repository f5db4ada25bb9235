package app.nozzly.production.support;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 priority ('low' | 'normal' | 'high' | 'urgent') of batches, production orders and station work. */
@EnumNaming(SpecEnumNaming.class)
public enum Priority implements WireEnum {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** Higher is served first (station queues). */
    public int rank() {
        return ordinal();
    }

    /** Stored as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<Priority> {
        public Column() {
            super(Priority.class);
        }
    }
}

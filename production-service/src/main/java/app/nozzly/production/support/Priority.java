package app.nozzly.production.support;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

/** specs/001 priority ('low' | 'normal' | 'high' | 'urgent') of batches, production orders and station work. */
public enum Priority implements WireEnum {
    LOW("low"),
    NORMAL("normal"),
    HIGH("high"),
    URGENT("urgent");

    private final String value;

    Priority(String value) {
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

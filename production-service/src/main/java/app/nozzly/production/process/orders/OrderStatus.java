package app.nozzly.production.process.orders;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.production.support.WireEnum;

/** specs/001 ProductionOrder.status. */
public enum OrderStatus implements WireEnum {
    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    ON_HOLD("on_hold");

    private final String value;

    OrderStatus(String value) {
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
    public static class Column extends WireEnum.Column<OrderStatus> {
        public Column() {
            super(OrderStatus.class);
        }
    }
}

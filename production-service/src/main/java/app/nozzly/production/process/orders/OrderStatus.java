package app.nozzly.production.process.orders;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 ProductionOrder.status. */
@EnumNaming(SpecEnumNaming.class)
public enum OrderStatus implements WireEnum {
    PENDING,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    ON_HOLD;

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<OrderStatus> {
        public Column() {
            super(OrderStatus.class);
        }
    }
}

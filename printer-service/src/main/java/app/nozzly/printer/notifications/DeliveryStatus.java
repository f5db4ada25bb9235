package app.nozzly.printer.notifications;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** Where a webhook delivery stands. */
@EnumNaming(SpecEnumNaming.class)
public enum DeliveryStatus implements WireEnum {
    PENDING,
    DELIVERED,
    FAILED;

    public static final class Column extends WireEnum.Column<DeliveryStatus> {
        public Column() {
            super(DeliveryStatus.class);
        }
    }
}

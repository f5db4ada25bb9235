package app.nozzly.printer.notifications;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.printer.api.ApiValue;

/** Where a webhook delivery stands. */
@EnumNaming(SpecEnumNaming.class)
public enum DeliveryStatus implements ApiValue {
    PENDING,
    DELIVERED,
    FAILED;

    public static final class Column extends ApiValueConverter<DeliveryStatus> {
        public Column() {
            super(DeliveryStatus.class);
        }
    }
}

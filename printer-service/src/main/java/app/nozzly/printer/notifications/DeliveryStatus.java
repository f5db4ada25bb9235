package app.nozzly.printer.notifications;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.printer.api.ApiValue;

/** Where a webhook delivery stands. */
public enum DeliveryStatus implements ApiValue {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String value;

    DeliveryStatus(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static final class Column extends ApiValueConverter<DeliveryStatus> {
        public Column() {
            super(DeliveryStatus.class);
        }
    }
}

package app.nozzly.printer.printers;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.printer.api.ApiValue;

/** How the platform reaches a printer: specs/002 "connection_type" for Bambu, PrusaLink for Prusa. */
public enum ConnectionType implements ApiValue {
    BAMBU_LAN("bambu_lan"),
    BAMBU_CLOUD("bambu_cloud"),
    PRUSALINK("prusalink");

    private final String value;

    ConnectionType(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static final class Column extends ApiValueConverter<ConnectionType> {
        public Column() {
            super(ConnectionType.class);
        }
    }
}

package app.nozzly.printer.printers;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.printer.api.ApiValue;

/** How the platform reaches a printer: specs/002 "connection_type" for Bambu, PrusaLink for Prusa. */
@EnumNaming(SpecEnumNaming.class)
public enum ConnectionType implements ApiValue {
    BAMBU_LAN,
    BAMBU_CLOUD,
    PRUSALINK;

    public static final class Column extends ApiValueConverter<ConnectionType> {
        public Column() {
            super(ConnectionType.class);
        }
    }
}

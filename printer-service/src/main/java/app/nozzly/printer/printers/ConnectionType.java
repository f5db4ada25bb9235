package app.nozzly.printer.printers;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** How the platform reaches a printer: specs/002 "connection_type" for Bambu, PrusaLink for Prusa. */
@EnumNaming(SpecEnumNaming.class)
public enum ConnectionType implements WireEnum {
    BAMBU_LAN,
    BAMBU_CLOUD,
    PRUSALINK;

    public static final class Column extends WireEnum.Column<ConnectionType> {
        public Column() {
            super(ConnectionType.class);
        }
    }
}

package app.nozzly.printer.printers;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/003 printer "type". */
@EnumNaming(SpecEnumNaming.class)
public enum PrinterType implements WireEnum {
    BAMBU_LAB,
    PRUSA;

    public static final class Column extends WireEnum.Column<PrinterType> {
        public Column() {
            super(PrinterType.class);
        }
    }
}

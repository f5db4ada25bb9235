package app.nozzly.printer.printers;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.printer.api.ApiValue;

/** specs/003 printer "type". */
@EnumNaming(SpecEnumNaming.class)
public enum PrinterType implements ApiValue {
    BAMBU_LAB,
    PRUSA;

    public static final class Column extends ApiValueConverter<PrinterType> {
        public Column() {
            super(PrinterType.class);
        }
    }
}

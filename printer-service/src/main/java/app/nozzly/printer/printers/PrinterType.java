package app.nozzly.printer.printers;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.printer.api.ApiValue;

/** specs/003 printer "type". */
public enum PrinterType implements ApiValue {
    BAMBU_LAB("bambu_lab"),
    PRUSA("prusa");

    private final String value;

    PrinterType(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public static final class Column extends ApiValueConverter<PrinterType> {
        public Column() {
            super(PrinterType.class);
        }
    }
}

package app.nozzly.printer.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** specs/003 "order_dir". */
public enum SortDirection implements ApiValue {
    ASC("asc"),
    DESC("desc");

    private final String value;

    SortDirection(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }
}

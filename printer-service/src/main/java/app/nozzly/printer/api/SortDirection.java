package app.nozzly.printer.api;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;

/** specs/003 "order_dir". */
@EnumNaming(SpecEnumNaming.class)
public enum SortDirection implements ApiValue {
    ASC,
    DESC
}

package app.nozzly.printer.api;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/003 "order_dir". */
@EnumNaming(SpecEnumNaming.class)
public enum SortDirection implements WireEnum {
    ASC,
    DESC
}

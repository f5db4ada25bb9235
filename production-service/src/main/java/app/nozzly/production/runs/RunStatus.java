package app.nozzly.production.runs;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/**
 * Lifecycle of a production run (specs/000 "List Production Runs", status_filter values). Its column holds the
 * constant's name (IN_PROGRESS), as it always has.
 */
@EnumNaming(SpecEnumNaming.class)
public enum RunStatus implements WireEnum {
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    CANCELLED
}

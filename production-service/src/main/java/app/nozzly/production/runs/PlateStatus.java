package app.nozzly.production.runs;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/**
 * Lifecycle of a plate (specs/000 "Production Run Plates"): pending, printing, then one of the end states. Its
 * column holds the constant's name (PRINTING), as it always has.
 */
@EnumNaming(SpecEnumNaming.class)
public enum PlateStatus implements WireEnum {
    PENDING,
    PRINTING,
    COMPLETED,
    FAILED,
    CANCELLED
}

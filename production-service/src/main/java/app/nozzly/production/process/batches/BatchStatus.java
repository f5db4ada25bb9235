package app.nozzly.production.process.batches;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/001 Batch.status: planned -> in_progress -> quality_check -> completed | failed. */
@EnumNaming(SpecEnumNaming.class)
public enum BatchStatus implements WireEnum {
    PLANNED,
    IN_PROGRESS,
    QUALITY_CHECK,
    COMPLETED,
    FAILED;

    /** Stored as its wire value, the value its column has always held. */
    @Converter
    public static class Column extends WireEnum.Column<BatchStatus> {
        public Column() {
            super(BatchStatus.class);
        }
    }
}

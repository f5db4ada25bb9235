package app.nozzly.printer.statistics;

import java.time.Duration;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import app.nozzly.platform.json.SpecEnumNaming;
import app.nozzly.platform.json.WireEnum;

/** specs/003 statistics "period": how far back from end_date (or now) the statistics reach. */
@EnumNaming(SpecEnumNaming.class)
public enum Period implements WireEnum {
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30)),
    YEAR(Duration.ofDays(365));

    private final Duration length;

    Period(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}

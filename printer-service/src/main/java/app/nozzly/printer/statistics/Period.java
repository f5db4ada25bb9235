package app.nozzly.printer.statistics;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonValue;

import app.nozzly.printer.api.ApiValue;

/** specs/003 statistics "period": how far back from end_date (or now) the statistics reach. */
public enum Period implements ApiValue {
    DAY("day", Duration.ofDays(1)),
    WEEK("week", Duration.ofDays(7)),
    MONTH("month", Duration.ofDays(30)),
    YEAR("year", Duration.ofDays(365));

    private final String value;
    private final Duration length;

    Period(String value, Duration length) {
        this.value = value;
        this.length = length;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    public Duration length() {
        return length;
    }
}

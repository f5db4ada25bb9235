package app.nozzly.bench;

import java.util.Map;

/** One row of the table: a scenario, its baseline and whether its target was met. */
record Result(String scenario, Measurement measured, Measurement baseline, String target, boolean met,
        Map<String, String> processes, String note) {
}

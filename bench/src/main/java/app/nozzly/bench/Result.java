package app.nozzly.bench;

import java.util.Map;

/** One row of the table: a scenario, its baseline and whether its target was met. */
record Result(String scenario, Measurement measured, Measurement baseline, String target, boolean met,
        Map<String, String> processes, String note, String baselineLabel) {

    Result(String scenario, Measurement measured, Measurement baseline, String target, boolean met,
            Map<String, String> processes, String note) {
        this(scenario, measured, baseline, target, met, processes, note, "baseline");
    }

    /** The second row is a reference to divide by (a baseline, or the direct path beside the gateway's). */
    boolean comparable() {
        return "baseline".equals(baselineLabel) || "direct".equals(baselineLabel);
    }
}

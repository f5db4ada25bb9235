package app.nozzly.printer.driver;

/** What a printer is doing, normalized across Bambu gcode_state and PrusaLink printer.state. */
public enum PrinterState {
    IDLE, PRINTING, PAUSED, FINISHED, FAILED, ERROR, OFFLINE;

    public boolean isActive() {
        return this == PRINTING || this == PAUSED;
    }

    /** Ready to take the next print from the queue. */
    public boolean acceptsPrint() {
        return this == IDLE || this == FINISHED || this == FAILED;
    }

    /** The status word of specs/003 printers (online, idle, printing, paused, error, offline). */
    public String apiStatus() {
        return switch (this) {
            case IDLE, FINISHED, FAILED -> "idle";
            case PRINTING -> "printing";
            case PAUSED -> "paused";
            case ERROR -> "error";
            case OFFLINE -> "offline";
        };
    }
}

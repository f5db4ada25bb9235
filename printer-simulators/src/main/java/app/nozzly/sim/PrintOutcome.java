package app.nozzly.sim;

/** How a simulated print ends when nobody stops it. */
public enum PrintOutcome {
    /** The print runs to 100 % and ends successfully. */
    FINISH,
    /** The print breaks off at 60 % of its time with a printer error. */
    FAILED
}

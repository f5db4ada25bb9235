package app.nozzly.production.process.stations;

/** specs/001 ProductionStation.status; constants spelled as on the wire. */
public enum StationStatus {
    idle, running, paused, maintenance, error;

    /** A station in maintenance or error is out of service (PROD007). */
    public boolean outOfService() {
        return this == maintenance || this == error;
    }
}

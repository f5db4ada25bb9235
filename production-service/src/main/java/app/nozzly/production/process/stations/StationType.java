package app.nozzly.production.process.stations;

/** specs/001 ProductionStation.type; constants spelled as on the wire. */
public enum StationType {
    filling, labeling, capping, packaging, powder, soap
}

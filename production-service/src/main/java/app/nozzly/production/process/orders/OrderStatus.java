package app.nozzly.production.process.orders;

/** specs/001 ProductionOrder.status; constants spelled as on the wire. */
public enum OrderStatus {
    pending, in_progress, completed, cancelled, on_hold
}

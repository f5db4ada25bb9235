package app.nozzly.ordersync.common;

/** The specs/002 error shape: {"error": "...", "status": 400}. */
public record ApiError(String error, int status) {
}

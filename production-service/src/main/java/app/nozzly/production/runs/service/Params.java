package app.nozzly.production.runs.service;

import app.nozzly.production.runs.ProductionRunException;

/** Query parameters parsed here so a bad value answers a clear 400 naming the parameter. */
final class Params {

    private Params() {
    }

    static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProductionRunException.badRequest(name + " must be an integer, got '" + value + "'");
        }
    }
}

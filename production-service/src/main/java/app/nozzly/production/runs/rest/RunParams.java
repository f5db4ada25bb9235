package app.nozzly.production.runs.rest;

import app.nozzly.production.runs.ProductionRunException;
import app.nozzly.production.support.Params;

/** Query parameters of /api/v1/production-runs (specs/000): a malformed one is a 400 problem naming it. */
final class RunParams {

    static final Params PARAMS = new Params((name, message) -> ProductionRunException.badRequest(message));

    /** specs/000 "List Production Runs": limit 100 by default, at most 1000. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private RunParams() {
    }
}

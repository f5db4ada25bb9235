package app.nozzly.production.process;

import java.util.Map;
import java.util.UUID;

import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;
import app.nozzly.production.support.PageRequest;
import app.nozzly.production.support.Params;

/** Parameters of /api/v1/production (specs/001): a malformed one is VALIDATION_ERROR naming it in details.field. */
public final class ProcessParams {

    public static final Params PARAMS = new Params((field, message) -> new ProcessException(
            ProcessErrorCode.VALIDATION_ERROR, message, Map.of("field", field)));

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private ProcessParams() {
    }

    /** The page/limit of the lists specs/001 pages (batches, orders): limit 1 to 100, 20 by default. */
    public static PageRequest page(String page, String limit) {
        return PARAMS.page(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** A list specs/001 does not page (reactors, recipes, stations, quality metrics): all of it unless paged. */
    public static PageRequest pageOrAll(String page, String limit) {
        return PARAMS.pageOrAll(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** A path id; one that is not a UUID names nothing and answers the resource's not-found code. */
    public static UUID id(String value, ProcessErrorCode notFound, String what) {
        return Params.id(value, () -> new ProcessException(notFound, what + " " + value + " not found",
                Map.of("id", value)));
    }
}

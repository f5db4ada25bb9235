package app.nozzly.production.runs;

import java.util.Map;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.errors.ErrorCodes;

/**
 * A request on /api/v1/production-runs that cannot be served, rendered by platform-commons as RFC 9457 problem
 * details whose "detail" carries the message (what FastAPI clients of specs/000 read) and "code" the reason.
 */
public class ProductionRunException extends ApiProblem {

    private static final long serialVersionUID = 1L;

    /** A run (or its plate) is not in a state that allows the change; specs/000 answers these with 400. */
    public static final String INVALID_STATE = "INVALID_STATE";
    /** specs/000 "Insufficient inventory for deduction" (400). */
    public static final String INSUFFICIENT_INVENTORY = "INSUFFICIENT_INVENTORY";
    public static final String INVENTORY_UNAVAILABLE = "INVENTORY_UNAVAILABLE";
    public static final String ORDER_SYNC_UNAVAILABLE = "ORDER_SYNC_UNAVAILABLE";

    /** How long a client waits before retrying a call another service could not serve. */
    private static final Map<String, String> RETRY_LATER = Map.of("Retry-After", "5");

    private ProductionRunException(int status, String code, String detail, Map<String, String> headers) {
        super(status, code, detail, Map.of(), headers);
    }

    public static ProductionRunException badRequest(String detail) {
        return new ProductionRunException(400, ErrorCodes.VALIDATION_ERROR, detail, Map.of());
    }

    public static ProductionRunException invalidState(String detail) {
        return new ProductionRunException(400, INVALID_STATE, detail, Map.of());
    }

    public static ProductionRunException notFound(String detail) {
        return new ProductionRunException(404, ErrorCodes.NOT_FOUND, detail, Map.of());
    }

    public static ProductionRunException conflict(String detail) {
        return new ProductionRunException(409, ErrorCodes.CONFLICT, detail, Map.of());
    }

    public static ProductionRunException unprocessable(String detail) {
        return new ProductionRunException(422, ErrorCodes.UNPROCESSABLE, detail, Map.of());
    }

    public static ProductionRunException insufficientInventory(String detail) {
        return new ProductionRunException(400, INSUFFICIENT_INVENTORY, detail, Map.of());
    }

    public static ProductionRunException inventoryUnavailable(String detail) {
        return new ProductionRunException(503, INVENTORY_UNAVAILABLE, detail, RETRY_LATER);
    }

    public static ProductionRunException orderSyncUnavailable(String detail) {
        return new ProductionRunException(503, ORDER_SYNC_UNAVAILABLE, detail, RETRY_LATER);
    }
}

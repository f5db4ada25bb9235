package app.nozzly.ordersync.etsy;

import java.util.Map;

import app.nozzly.platform.errors.ApiProblem;

/**
 * Etsy failed, refused for longer than a sync waits, or could not be reached, so the request that needed it
 * (specs/002 POST /orders/sync, POST /auth/callback) answers 502 Bad Gateway; what was committed before stays.
 */
public class EtsyUnavailable extends ApiProblem {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "ETSY_UNAVAILABLE";
    /** The OpenAPI document's words for the 502 of the endpoints that call Etsy. */
    public static final String DESCRIPTION = "Etsy failed or could not be reached; what was committed before stays";
    /** The specs/002 error body (platform-commons' message-status family) in the OpenAPI document. */
    public static final String SCHEMA = "ErrorMessageStatus";

    public EtsyUnavailable(String message) {
        super(502, CODE, message, Map.of());
    }
}

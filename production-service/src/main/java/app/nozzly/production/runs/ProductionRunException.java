package app.nozzly.production.runs;

/**
 * A request on /api/v1/production-runs that cannot be served; rendered as RFC 9457 problem details whose
 * "detail" carries the message (what FastAPI clients of specs/000 read).
 */
public class ProductionRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    public ProductionRunException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProductionRunException badRequest(String detail) {
        return new ProductionRunException(400, "Bad Request", detail);
    }

    public static ProductionRunException notFound(String detail) {
        return new ProductionRunException(404, "Not Found", detail);
    }

    public static ProductionRunException conflict(String detail) {
        return new ProductionRunException(409, "Conflict", detail);
    }

    public static ProductionRunException unprocessable(String detail) {
        return new ProductionRunException(422, "Unprocessable Entity", detail);
    }

    public static ProductionRunException insufficientInventory(String detail) {
        return new ProductionRunException(400, "Insufficient inventory", detail);
    }

    public static ProductionRunException inventoryUnavailable(String detail) {
        return new ProductionRunException(503, "Inventory unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}

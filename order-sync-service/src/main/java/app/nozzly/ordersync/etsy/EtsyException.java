package app.nozzly.ordersync.etsy;

/** Etsy answered with an error we cannot retry our way out of, or never answered. */
public class EtsyException extends RuntimeException {

    private final int status;

    public EtsyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public EtsyException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** Etsy's HTTP status, 0 when Etsy could not be reached. */
    public int status() {
        return status;
    }

    public boolean unauthorized() {
        return status == 401;
    }
}
